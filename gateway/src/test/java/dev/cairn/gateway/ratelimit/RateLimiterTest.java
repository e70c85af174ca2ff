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
            RateLimiter replicaA = new RateLimiter(first, prefix, Duration.ofSeconds(5), Clock.systemUTC());
            RateLimiter replicaB = new RateLimiter(second, prefix, Duration.ofSeconds(5), Clock.systemUTC());
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
    void withoutRedisEachReplicaLimitsLocally() {
        try (RedisClient unreachable = RedisClients.create(URI.create("redis://127.0.0.1:1"), Duration.ofMillis(200))) {
            RateLimiter limiter = new RateLimiter(unreachable, "x:", Duration.ofSeconds(5), Clock.systemUTC());
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
