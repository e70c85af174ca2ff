package dev.cairn.gateway.upstream;

import dev.cairn.gateway.routing.PoolSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The instances of one pool and how the next one is chosen: {@code round_robin} (each available instance in turn),
 * {@code weighted} (smooth weighted round robin, as nginx does: shares follow the weights and are interleaved) or
 * {@code least_conn} (fewest requests in flight, ties in turn). Unavailable instances (failed health checks,
 * ejected after a connection error) are skipped; instances already tried for this request can be excluded. When no
 * instance passes its health check (a health check lagging behind a restart, a pool whose checks all fail), the pool
 * does not give up: it tries the instances that have not refused a connection ("panic mode", as Envoy does).
 */
public final class UpstreamPool {

    private final PoolSpec spec;
    private final List<Instance> instances;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final AtomicLong turn = new AtomicLong();

    public UpstreamPool(PoolSpec spec, List<Instance> instances, CircuitBreaker breaker, Clock clock) {
        this.spec = spec;
        this.instances = List.copyOf(instances);
        this.breaker = breaker;
        this.clock = clock;
    }

    public String name() {
        return spec.name();
    }

    public PoolSpec spec() {
        return spec;
    }

    public List<Instance> instances() {
        return instances;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The instance for the next request, not one of {@code tried}; empty when none is available. */
    public Optional<Instance> choose(Set<Instance> tried) {
        Instant now = clock.instant();
        List<Instance> candidates = instances.stream().filter(i -> i.available(now) && !tried.contains(i)).toList();
        if (candidates.isEmpty()) {
            // panic mode: with no instance passing its health check, try those not known to refuse connections
            candidates = instances.stream().filter(i -> !i.ejected(now) && !tried.contains(i)).toList();
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (spec.strategy()) {
            case ROUND_ROBIN -> candidates.get((int) Math.floorMod(turn.getAndIncrement(), candidates.size()));
            case WEIGHTED -> weighted(candidates);
            case LEAST_CONN -> leastConnected(candidates);
        });
    }

    /** Ejects {@code instance} for {@code duration} after a connection error. */
    public void eject(Instance instance, Duration duration, String problem) {
        instance.eject(clock.instant().plus(duration), problem);
    }

    private synchronized Instance weighted(List<Instance> candidates) {
        int total = 0;
        Instance best = null;
        for (Instance instance : candidates) {
            instance.currentWeight += instance.weight();
            total += instance.weight();
            if (best == null || instance.currentWeight > best.currentWeight) {
                best = instance;
            }
        }
        best.currentWeight -= total;
        return best;
    }

    private Instance leastConnected(List<Instance> candidates) {
        int start = (int) Math.floorMod(turn.getAndIncrement(), candidates.size());
        return IntStream.range(0, candidates.size())
                .mapToObj(offset -> candidates.get((start + offset) % candidates.size()))
                .min(Comparator.comparingInt(Instance::inFlight))
                .orElseThrow();
    }
}
