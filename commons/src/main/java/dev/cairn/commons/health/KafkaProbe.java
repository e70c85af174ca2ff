package dev.cairn.commons.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Asks the Kafka cluster for its brokers through one long-lived admin client. */
final class KafkaProbe implements DatastoreProbe {

    private final Admin admin;

    KafkaProbe(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "cairn-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000));
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String check(Duration timeout) throws Exception {
        var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return nodes.isEmpty() ? "no broker is available" : null;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
