package dev.cairn.product.persistence;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonValue;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every MongoDB command the driver sends: {@code cairn_mongo_command_seconds{command, collection, outcome}}
 * (collection: the command's target, {@code -} for commands without one).
 */
final class MongoCommandMetrics implements CommandListener {

    private final MetricRegistry metrics;
    private final Map<Integer, String> collections = new ConcurrentHashMap<>();

    MongoCommandMetrics(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        collections.put(event.getRequestId(), target != null && target.isString() ? target.asString().getValue() : "-");
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getCommandName(), event.getRequestId(), "success", event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getCommandName(), event.getRequestId(), "failure", event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    private void record(String command, int requestId, String outcome, long nanos) {
        String collection = collections.remove(requestId);
        metrics.timer("cairn_mongo_command", new Tag("command", command),
                        new Tag("collection", collection == null ? "-" : collection), new Tag("outcome", outcome))
                .update(Duration.ofNanos(nanos));
    }
}
