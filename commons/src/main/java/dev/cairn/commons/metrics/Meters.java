package dev.cairn.commons.metrics;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Looks up or registers meters in a MicroProfile {@link MetricRegistry}, creating at most one meter at a time in the
 * whole process. Helidon 4.1.2's registry can deadlock when two threads register new meters at the same moment (a
 * lock-order inversion between its read-write lock and Micrometer's meter map lock; seen as a user-service whose
 * first HTTP request and first database connection registered their meters together, and hung for good). Every
 * Cairn meter goes through here: a meter seen before comes from a map without any lock, a new one is registered
 * under one process-wide lock, and not on another thread while Helidon registers its own at start-up
 * ({@link StartupMetersGate}).
 */
public final class Meters {

    private static final Object REGISTERING = new Object();
    private static final Map<List<Object>, Object> KNOWN = new ConcurrentHashMap<>();
    /** Opened by {@link StartupMetersGateExtension}; a start-up takes a few seconds, so 10 s is a bound, not a wait. */
    static final StartupMetersGate STARTUP = new StartupMetersGate(Duration.ofSeconds(10));

    private Meters() {
    }

    public static Counter counter(MetricRegistry registry, String name, Tag... tags) {
        return lookUp(registry, "counter", name, tags, () -> registry.counter(name, tags));
    }

    public static Timer timer(MetricRegistry registry, String name, Tag... tags) {
        return lookUp(registry, "timer", name, tags, () -> registry.timer(name, tags));
    }

    public static <T, R extends Number> Gauge<R> gauge(MetricRegistry registry, String name, T object,
                                                       Function<T, R> value, Tag... tags) {
        return lookUp(registry, "gauge", name, tags, () -> registry.gauge(name, object, value, tags));
    }

    @SuppressWarnings("unchecked")
    private static <M> M lookUp(MetricRegistry registry, String type, String name, Tag[] tags, Supplier<M> register) {
        List<Object> key = new ArrayList<>(3 + 2 * tags.length);
        key.add(registry);
        key.add(type);
        key.add(name);
        for (Tag tag : tags) {
            key.add(tag.getTagName());
            key.add(tag.getTagValue());
        }
        Object known = KNOWN.get(key);
        if (known != null) {
            return (M) known;
        }
        STARTUP.awaitOpen();
        synchronized (REGISTERING) {
            return (M) KNOWN.computeIfAbsent(key, ignored -> Objects.requireNonNull(register.get(), name));
        }
    }
}
