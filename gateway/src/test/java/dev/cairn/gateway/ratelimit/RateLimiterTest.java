package dev.cairn.gateway.ratelimit;

import dev.cairn.commons.redis.RedisClients;
import dev.cairn.gateway.routing.RateLimitSpec;
import dev.cairn.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateway replicas (two limiters) share one budget through the real Redis; without Redis each limits alone. */
class RateLimiterTest {

    private static final RateLimitSpec TEN = new RateLimitSpec("test", 0.01, 10);

    @Test
    void twoReplicasShareOneBudgetThroughRedis() {
        String prefix = "test:ratelimit:" + UUID.randomUUID() + ":";
        try (RedisClient first = redis(); RedisClient second = redis()) {
            RateLimiter replicaA = new RateLimiter(first, prefix, Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
            RateLimiter replicaB = new RateLimiter(second, prefix, Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                RateDecision decision = (i % 2 == 0 ? replicaA : replicaB).take(TEN, "user:1");
                assertThat(decision.distributed()).isTrue();
                allowed += decision.allowed() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
            RateDecision refused = replicaA.take(TEN, "user:1");
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.remaining()).isZero();
            assertThat(refused.retryAfterSeconds()).isPositive();
            assertThat(replicaB.take(TEN, "user:2").allowed()).as("another subject").isTrue();
        }
    }

    @Test
    void aHighRateClassLeasesTokensInBatchesAndTheReplicasStillNeverAdmitMoreThanTheBucket() {
        // 100/s, burst 1000, 100 ms leases: batches of 10 tokens (what refills in a window), so one Redis call per
        // ten requests
        RateLimitSpec busy = new RateLimitSpec("busy", 100, 1000);
        String prefix = "test:ratelimit:" + UUID.randomUUID() + ":";
        try (RedisClient first = redis(); RedisClient second = redis(); RedisClient reader = redis()) {
            RateLimiter replicaA = new RateLimiter(first, prefix, Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
            RateLimiter replicaB = new RateLimiter(second, prefix, Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
            assertThat(replicaA.batchOf(busy)).isEqualTo(10);
            assertThat(replicaA.batchOf(TEN)).as("a small limit is decided by Redis on every request").isEqualTo(1);

            long started = System.nanoTime();
            RateDecision firstDecision = replicaA.take(busy, "user:1");
            assertThat(firstDecision.allowed()).isTrue();
            assertThat(Double.parseDouble(reader.hget(prefix + "busy:user:1", "tokens")))
                    .as("ten tokens left the shared bucket at once").isBetween(990.0, 991.0);
            assertThat(firstDecision.remaining()).isBetween(999L, 1000L);
            for (int i = 0; i < 9; i++) {
                assertThat(replicaA.take(busy, "user:1").allowed()).isTrue();
            }
            assertThat(Double.parseDouble(reader.hget(prefix + "busy:user:1", "tokens")))
                    .as("the next nine were spent from the lease, without Redis").isLessThan(992.0);

            int allowed = 10;
            int refusedInARow = 0;
            for (int i = 0; refusedInARow < 20 && i < 5000; i++) {
                boolean admitted = (i % 2 == 0 ? replicaB : replicaA).take(busy, "user:1").allowed();
                allowed += admitted ? 1 : 0;
                refusedInARow = admitted ? 0 : refusedInARow + 1;
            }
            double refilled = (System.nanoTime() - started) / 1e9 * 100;
            assertThat(allowed).as("never more than the burst plus what refilled meanwhile (%.1f)", refilled)
                    .isLessThanOrEqualTo(1000 + (int) Math.ceil(refilled) + 1);
            assertThat(allowed).as("at most a lease's worth per replica is parked when they refuse").isGreaterThanOrEqualTo(980);
        }
    }

    @Test
    void withoutRedisEachReplicaLimitsLocally() {
        try (RedisClient unreachable = RedisClients.create(URI.create("redis://127.0.0.1:1"), Duration.ofMillis(200))) {
            RateLimiter limiter = new RateLimiter(unreachable, "x:", Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
            int allowed = 0;
            for (int i = 0; i < 15; i++) {
                RateDecision decision = limiter.take(TEN, "ip:10.0.0.1");
                assertThat(decision.distributed()).isFalse();
                allowed += decision.allowed() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
            assertThat(limiter.usingFallback()).isTrue();
        }
    }

    private static RedisClient redis() {
        return RedisClients.create(URI.create(TestInfrastructure.redisUrl()), Duration.ofSeconds(2));
    }
}
