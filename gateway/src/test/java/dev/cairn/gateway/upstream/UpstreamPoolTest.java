package dev.cairn.gateway.upstream;

import dev.cairn.gateway.routing.PoolSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamPoolTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void smoothWeightedRoundRobinInterleavesByWeight() {
        UpstreamPool pool = pool(PoolSpec.Strategy.WEIGHTED, new Instance(URI.create("http://a"), 5),
                new Instance(URI.create("http://b"), 1), new Instance(URI.create("http://c"), 1));
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            picks.add(pool.choose(Set.of()).orElseThrow().url().getHost());
        }
        assertThat(picks).containsExactly("a", "a", "b", "a", "c", "a", "a");
    }

    @Test
    void unavailableAndTriedInstancesAreSkipped() {
        Instance a = new Instance(URI.create("http://a"), 1);
        Instance b = new Instance(URI.create("http://b"), 1);
        UpstreamPool pool = pool(PoolSpec.Strategy.ROUND_ROBIN, a, b);
        pool.eject(a, Duration.ofSeconds(10), "refused");
        assertThat(pool.choose(Set.of())).contains(b);
        assertThat(pool.choose(Set.of(b))).isEmpty();
        b.checked(false, "503");
        assertThat(pool.choose(Set.of())).as("panic mode: b failed its check but never refused a connection").contains(b);
        pool.eject(b, Duration.ofSeconds(10), "refused");
        assertThat(pool.choose(Set.of())).isEmpty();
        a.checked(true, "");
        assertThat(pool.choose(Set.of())).as("a healthy check ends the ejection").contains(a);
    }

    @Test
    void leastConnectionsPicksTheInstanceWithFewestInFlight() {
        Instance a = new Instance(URI.create("http://a"), 1);
        Instance b = new Instance(URI.create("http://b"), 1);
        UpstreamPool pool = pool(PoolSpec.Strategy.LEAST_CONN, a, b);
        a.started();
        a.started();
        b.started();
        for (int i = 0; i < 5; i++) {
            assertThat(pool.choose(Set.of())).contains(b);
        }
        b.started();
        b.started();
        assertThat(pool.choose(Set.of())).contains(a);
    }

    private UpstreamPool pool(PoolSpec.Strategy strategy, Instance... instances) {
        PoolSpec spec = new PoolSpec("p", strategy, List.of(), false, "/health/ready", Duration.ofSeconds(1));
        return new UpstreamPool(spec, List.of(instances), new CircuitBreaker(10, 5, 0.5, Duration.ofSeconds(1), 1, clock), clock);
    }
}
