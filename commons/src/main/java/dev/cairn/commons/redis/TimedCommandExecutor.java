package dev.cairn.commons.redis;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.executors.CommandExecutor;

import java.time.Duration;

/** Times every Redis command a client sends ({@code cairn_redis_command_seconds}) and counts those that fail. */
final class TimedCommandExecutor implements CommandExecutor {

    private final CommandExecutor delegate;
    private final Timer latency;
    private final Counter errors;

    TimedCommandExecutor(CommandExecutor delegate, Timer latency, Counter errors) {
        this.delegate = delegate;
        this.latency = latency;
        this.errors = errors;
    }

    @Override
    public <T> T executeCommand(CommandObject<T> command) {
        long started = System.nanoTime();
        try {
            return delegate.executeCommand(command);
        } catch (RuntimeException e) {
            errors.inc();
            throw e;
        } finally {
            latency.update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }
}
