package dev.cairn.product.cache;

import dev.cairn.commons.redis.RedisClients;
import dev.cairn.launcher.infra.EmbeddedRedisServer;
import dev.cairn.launcher.infra.Ports;
import dev.cairn.testsupport.CountingCounter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The L2 layer against a real Redis that goes away: misses instead of errors, and quick ones. */
class RedisLayerTest {

    @Test
    void aRedisThatStopsBecomesAMissNotAnError() throws Exception {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(Ports.freePort());
        CountingCounter errors = new CountingCounter();
        try (RedisLayer layer = new RedisLayer(RedisClients.create(URI.create(server.url()), Duration.ofMillis(250)),
                Duration.ofSeconds(5),
                errors, Clock.systemUTC())) {
            layer.set("k", "v", Duration.ofMinutes(1));
            assertThat(layer.get("k")).contains("v");
            server.close();
            assertThat(layer.get("k")).isEmpty();
            assertThat(errors.getCount()).isEqualTo(1);
            assertThat(layer.backingOff()).isTrue();
            // While backing off, Redis is not even tried: no wait, no new error.
            assertThat(layer.get("k")).isEmpty();
            layer.set("k", "v2", Duration.ofMinutes(1));
            assertThat(errors.getCount()).isEqualTo(1);
        }
    }
}
