package dev.cairn.commons.health;

import dev.cairn.commons.config.ConfigValues;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness check {@code datastores}: probes, in parallel and within {@code cairn.readiness.timeout} (default 2s),
 * each datastore named in {@code cairn.readiness.datastores}. It is UP only when all of them answer. Datastores in
 * {@code cairn.readiness.optional} are probed and reported too, but do not make the process unready (the gateway
 * falls back to local rate limiting when Redis is down, so Redis is optional there).
 */
@Readiness
@ApplicationScoped
public class DatastoreReadinessCheck implements HealthCheck {

    private final List<DatastoreProbe> required;
    private final List<DatastoreProbe> optional;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    public DatastoreReadinessCheck(Config config) {
        this.required = DatastoreProbes.fromConfig(config, "cairn.readiness.datastores");
        this.optional = DatastoreProbes.fromConfig(config, "cairn.readiness.optional", true);
        this.timeout = ConfigValues.duration(config, "cairn.readiness.timeout", Duration.ofSeconds(2));
    }

    /** For CDI proxies only. */
    protected DatastoreReadinessCheck() {
        this.required = List.of();
        this.optional = List.of();
        this.timeout = Duration.ZERO;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Future<String>> requiredChecks = start(required);
        Map<String, Future<String>> optionalChecks = start(optional);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("datastores").up();
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
        for (var check : requiredChecks.entrySet()) {
            String failure = await(check.getValue(), deadline);
            response.withData(check.getKey(), failure == null ? "UP" : "DOWN: " + failure);
            if (failure != null) {
                response.down();
            }
        }
        for (var check : optionalChecks.entrySet()) {
            String failure = await(check.getValue(), deadline);
            response.withData(check.getKey(), failure == null ? "UP" : "DOWN (optional): " + failure);
        }
        return response.build();
    }

    private Map<String, Future<String>> start(List<DatastoreProbe> probes) {
        Map<String, Future<String>> checks = new LinkedHashMap<>();
        for (DatastoreProbe probe : probes) {
            checks.put(probe.name(), executor.submit(() -> probe.check(timeout)));
        }
        return checks;
    }

    private static String await(Future<String> check, long deadlineNanos) {
        try {
            return check.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return "no answer in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return message.lines().findFirst().orElse(message);
        }
    }

    @PreDestroy
    public void close() {
        required.forEach(DatastoreProbe::close);
        optional.forEach(DatastoreProbe::close);
        executor.shutdownNow();
    }
}
