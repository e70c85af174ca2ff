package dev.cairn.operator.runtime;

import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs.
 *
 * @param namespaces           namespaces whose platforms are reconciled; empty: all
 * @param port                 port of /health/live, /health/ready and /metrics; 0 picks a free one
 * @param leaderElection       whether to elect a leader through a Lease before reconciling
 * @param leaseName            the Lease's name
 * @param leaseNamespace       the Lease's namespace
 * @param autoscalerInterval   time between two rounds of scaling decisions
 * @param identity             this instance's name in Events and the Lease (the pod name in a cluster)
 */
public record OperatorConfig(Set<String> namespaces, int port, boolean leaderElection, String leaseName,
                             String leaseNamespace, Duration autoscalerInterval, String identity) {

    public OperatorConfig {
        namespaces = Set.copyOf(namespaces);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("CAIRN_OPERATOR_PORT must be 0..65535, got " + port);
        }
        if (leaderElection && (leaseNamespace == null || leaseNamespace.isBlank())) {
            throw new IllegalArgumentException("leader election needs a lease namespace: set "
                    + "CAIRN_OPERATOR_LEASE_NAMESPACE (or --lease-namespace), or disable it with "
                    + "CAIRN_OPERATOR_LEADER_ELECTION=false");
        }
        if (autoscalerInterval.isNegative() || autoscalerInterval.isZero()) {
            throw new IllegalArgumentException("CAIRN_OPERATOR_AUTOSCALER_INTERVAL must be positive");
        }
    }
}
