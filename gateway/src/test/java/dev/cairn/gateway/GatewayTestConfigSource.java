package dev.cairn.gateway;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Points the gateway under test at {@link GatewayRig}'s route table and Redis proxy, with a quick circuit breaker. */
public class GatewayTestConfigSource implements ConfigSource {

    private static final Map<String, String> FIXED = Map.of(
            "cairn.gateway.breaker.window", "10",
            "cairn.gateway.breaker.minimum-calls", "5",
            "cairn.gateway.breaker.open-for", "1s",
            "cairn.gateway.breaker.trial-calls", "2",
            "cairn.gateway.eject-for", "30s",
            "cairn.gateway.reload-seconds", "1");

    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new HashSet<>(FIXED.keySet());
        names.add("cairn.gateway.routes-file");
        names.add("cairn.redis.url");
        return names;
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case "cairn.gateway.routes-file" -> GatewayRig.routesFile().toString();
            case "cairn.redis.url" -> "redis://127.0.0.1:" + GatewayRig.redisProxy().port();
            default -> FIXED.get(propertyName);
        };
    }

    @Override
    public String getName() {
        return "gateway-test";
    }

    @Override
    public int getOrdinal() {
        return 550;
    }
}
