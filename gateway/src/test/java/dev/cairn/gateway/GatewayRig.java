package dev.cairn.gateway;

import dev.cairn.testsupport.TcpProxy;
import dev.cairn.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The upstreams every gateway test of this JVM routes to, and the route table that names them (written to a temporary
 * file, which {@link GatewayTestConfigSource} points the gateway at). Redis is reached through a proxy tests can cut.
 */
final class GatewayRig {

    static final StubUpstream A = new StubUpstream("a");
    static final StubUpstream B = new StubUpstream("b");
    static final StubUpstream C = new StubUpstream("c");
    static final StubUpstream HEAVY = new StubUpstream("heavy");
    static final StubUpstream LIGHT = new StubUpstream("light");
    static final StubUpstream IDLE_1 = new StubUpstream("idle-1");
    static final StubUpstream IDLE_2 = new StubUpstream("idle-2");
    static final StubUpstream E1 = new StubUpstream("e1");
    static final StubUpstream E2 = new StubUpstream("e2");
    static final StubUpstream E3 = new StubUpstream("e3");
    static final StubUpstream FLAKY = new StubUpstream("flaky");
    static final StubUpstream ECHO = new StubUpstream("echo");
    static final GarbledUpstream GARBLED = new GarbledUpstream();

    private static TcpProxy redisProxy;
    private static Path routes;

    private GatewayRig() {
    }

    static synchronized TcpProxy redisProxy() {
        if (redisProxy == null) {
            URI redis = URI.create(TestInfrastructure.redisUrl());
            redisProxy = new TcpProxy(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        }
        return redisProxy;
    }

    static synchronized Path routesFile() {
        if (routes == null) {
            try {
                routes = Files.createTempFile("cairn-gateway-routes-", ".yaml");
                Files.writeString(routes, routeTable());
                routes.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return routes;
    }

    static String routeTable() {
        return """
                corsOrigins: [ "https://shop.example" ]
                rateLimits:
                  default: { requestsPerSecond: 10000, burst: 100000 }
                  tight: { requestsPerSecond: 0.2, burst: 5 }
                pools:
                %s
                routes:
                  - { prefix: /rr, pool: rr }
                  - { prefix: /weighted, pool: weighted }
                  - { prefix: /least, pool: least }
                  - { prefix: /eject, pool: eject }
                  - { prefix: /flaky, pool: flaky, retries: 0 }
                  - { prefix: /limited, pool: echo, rateLimit: tight }
                  - { prefix: /secure, pool: echo, auth: required }
                  - { prefix: /admin-only, pool: echo, roles: [admin] }
                  - { prefix: /stream, pool: echo, timeout: 5s }
                  - { prefix: /echo, pool: echo }
                  - { prefix: /catalog, pool: echo, cache: true }
                  - { prefix: /slow, pool: echo, timeout: 300ms }
                  - { prefix: /garbled, pool: garbled }
                """.formatted(pools(Map.of(
                "rr", pool("round_robin", List.of(A, B, C), List.of(1, 1, 1)),
                "weighted", pool("weighted", List.of(HEAVY, LIGHT), List.of(3, 1)),
                "least", pool("least_conn", List.of(IDLE_1, IDLE_2), List.of(1, 1)),
                "eject", pool("round_robin", List.of(E1, E2, E3), List.of(1, 1, 1)),
                "flaky", pool("round_robin", List.of(FLAKY), List.of(1)),
                "echo", pool("round_robin", List.of(ECHO), List.of(1)))) + """
                  garbled:
                    healthInterval: 200ms
                    instances: [ "%s" ]
                """.formatted(GARBLED.url()));
    }

    private static String pools(Map<String, String> pools) {
        return pools.entrySet().stream().map(entry -> "  " + entry.getKey() + ":\n" + entry.getValue())
                .collect(Collectors.joining());
    }

    private static String pool(String strategy, List<StubUpstream> stubs, List<Integer> weights) {
        StringBuilder yaml = new StringBuilder("    strategy: " + strategy + "\n    healthInterval: 200ms\n    instances:\n");
        for (int i = 0; i < stubs.size(); i++) {
            yaml.append("      - { url: \"").append(stubs.get(i).url()).append("\", weight: ").append(weights.get(i)).append(" }\n");
        }
        return yaml.toString();
    }
}
