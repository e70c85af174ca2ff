package dev.cairn.operator.api.v1alpha1;

/** Where a platform stands, summarised from its conditions. */
public enum Phase {
    /** Objects were written; no Deployment has reported yet. */
    Pending,
    /** Deployments are rolling out or scaling and not all replicas are ready. */
    Progressing,
    /** Every component has all its desired replicas ready. */
    Ready,
    /** The spec cannot be applied or a rollout is stuck; see the Degraded condition. */
    Degraded
}
