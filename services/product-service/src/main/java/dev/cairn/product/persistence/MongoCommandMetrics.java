package dev.cairn.product.persistence;

import dev.cairn.commons.metrics.Meters;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * Times every MongoDB command the driver sends: {@code cairn_mongo_command_seconds{command, outcome}}.
 */
final class MongoCommandMetrics implements CommandListener {

    private final MetricRegistry metrics;

    MongoCommandMetrics(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getCommandName(), "success", event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getCommandName(), "failure", event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private void record(String command, String outcome, long nanos) {
        Meters.timer(metrics, "cairn_mongo_command", new Tag("command", command), new Tag("outcome", outcome))
                .update(Duration.ofNanos(nanos));
    }
}
