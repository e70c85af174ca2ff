package dev.cairn.bench;

import dev.cairn.testsupport.ServiceJvm;
import dev.cairn.testsupport.TestInfrastructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The gateway's cost per request: the same GETs sent straight to an upstream and through a real gateway process in
 * front of it (routing, edge filter, rate limit in Redis, circuit breaker, load balancing, streaming copy), in
 * alternating rounds of one run, so both see the same machine.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Gateway overhead: throughput and latency through the gateway vs straight to the upstream.")
public final class GatewayOverhead implements Callable<Integer> {

    @Option(names = "--requests", description = "Requests per round and target (default: ${DEFAULT-VALUE}).")
    int requests = 20_000;

    @Option(names = "--concurrency", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int concurrency = 32;

    @Option(names = "--rounds", description = "Measured rounds per target (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--warmup", description = "Warm-up requests per target (default: ${DEFAULT-VALUE}).")
    int warmup = 10_000;

    @Option(names = "--no-redis", negatable = true, description = "Rate-limit in Redis, as in production "
            + "(--no-redis: local buckets only, to see what the shared limit costs).")
    boolean redis = true;

    @Option(names = "--gateway-jvm-option", description = "Extra JVM option of the gateway process, e.g. a JFR "
            + "recording: -XX:StartFlightRecording=filename=gateway.jfr (repeatable).")
    List<String> gatewayJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (StubService upstream = new StubService()) {
            Path routes = Files.createTempFile("bench-routes-", ".yaml");
            Files.writeString(routes, """
                    rateLimits:
                      default: { requestsPerSecond: 1000000, burst: 1000000 }
                    pools:
                      bench: { instances: [ "%s" ] }
                    routes:
                      - { prefix: /bench, pool: bench, auth: none }
                    """.formatted(upstream.url()));
            System.out.println("Starting a gateway in front of " + upstream.url() + " ...");
            Map<String, String> environment = Map.of("CAIRN_GATEWAY_ROUTES_FILE", routes.toString(),
                    "CAIRN_AUTH_JWKS_URL", routes.toString(), "CAIRN_REDIS_URL", redis ? TestInfrastructure.redisUrl() : "");
            List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xmx512m"));
            jvmOptions.addAll(gatewayJvmOptions);
            try (ServiceJvm gateway = ServiceJvm.startWith("gateway", environment, Duration.ofSeconds(60), jvmOptions)) {
                URI direct = URI.create(upstream.url() + "/bench/products/1");
                URI proxied = URI.create(gateway.baseUrl() + "/bench/products/1");
                LoadGenerator load = new LoadGenerator();
                System.out.printf("Warming up (%d requests each) ...%n", warmup);
                load.run(direct, warmup, concurrency);
                load.run(proxied, warmup, concurrency);
                List<LoadResult> directRuns = new ArrayList<>();
                List<LoadResult> gatewayRuns = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    directRuns.add(load.run(direct, requests, concurrency));
                    gatewayRuns.add(load.run(proxied, requests, concurrency));
                    System.out.printf("round %d/%d: direct %.0f req/s, gateway %.0f req/s%n", round, rounds,
                            directRuns.getLast().throughput(), gatewayRuns.getLast().throughput());
                }
                print(LoadResult.combine(directRuns), LoadResult.combine(gatewayRuns));
            } finally {
                Files.deleteIfExists(routes);
            }
        }
        return 0;
    }

    private void print(LoadResult direct, LoadResult gateway) {
        System.out.printf(Locale.ROOT, "%n%d rounds x %d GETs, %d concurrent clients, %d cores, rate limits in %s%n%n",
                rounds, requests, concurrency, Runtime.getRuntime().availableProcessors(), redis ? "Redis" : "memory");
        System.out.println("| target | req/s | p50 ms | p90 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|");
        for (var row : List.of(Map.entry("direct to the upstream", direct), Map.entry("through the gateway", gateway))) {
            LoadResult result = row.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %d |%n", row.getKey(), result.throughput(),
                    result.percentileMillis(50), result.percentileMillis(90), result.percentileMillis(99), result.errors());
        }
        System.out.printf(Locale.ROOT, "%nThroughput ratio gateway/direct: %.2f; p50 latency added: %.2f ms; "
                        + "p99 ratio: %.2f%n", gateway.throughput() / direct.throughput(),
                gateway.percentileMillis(50) - direct.percentileMillis(50),
                gateway.percentileMillis(99) / direct.percentileMillis(99));
    }
}
