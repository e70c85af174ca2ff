package dev.cairn.bench;

import dev.cairn.testsupport.TestInfrastructure;
import dev.cairn.testsupport.TestTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's cost per request: the same authenticated GET of one cached product sent straight to a real
 * product-service, through nginx in front of it, and through a real gateway in front of it (JWT check, rate limit in
 * Redis, circuit breaker, load balancing, streaming copy), in alternating rounds of one run.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Gateway overhead: product-service direct vs through nginx vs through the Cairn gateway.")
public final class GatewayOverhead extends Benchmark {


    @Option(names = "--rounds", description = "Measured rounds per target and mode (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seconds", description = "Seconds per saturation and per paced run (default: ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(names = "--warmup-seconds", description = "Longest warm-up through the gateway before the rounds: wrk runs in "
            + "5 s steps until the gateway's C2 compiler used under 10 %% of its CPU in a step (its JIT has compiled the "
            + "hot path), at least 20 s and at most this; direct and nginx then get 5 s each, as the gateway's warm-up "
            + "warmed the product service too (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 90;

    /** Warm-up of the direct and nginx paths: the gateway's warm-up already sent its load to the product service. */
    private static final Duration SIDE_WARMUP = Duration.ofSeconds(5);

    @Option(names = "--connections", description = "wrk connections at saturation (default: ${DEFAULT-VALUE}).")
    int connections = 32;

    @Option(names = "--no-redis", negatable = true, description = "Rate-limit in Redis, as in production "
            + "(--no-redis: the gateway's local buckets only, to see what the shared limit costs).")
    boolean redis = true;

    @Option(names = "--gateway-jvm-option", description = "Extra JVM option of the gateway process, e.g. a JFR "
            + "recording: -XX:StartFlightRecording=filename=gateway.jfr (repeatable).")
    List<String> gatewayJvmOptions = new ArrayList<>();

    /** HotSpot's name of its C2 compiler threads, as /proc shows it (15 characters at most). */
    private static final String C2_THREADS = "C2 CompilerThre";
    /** The gateway is warm when its C2 compiler takes less than this share of its CPU. */
    private static final double SETTLED_C2_SHARE = 0.10;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SERVER_JVM = List.of("-XX:+UseParallelGC", "-Xmx512m");


    @Override
    public Section measure(boolean quick) throws Exception {
        if (!Wrk.available()) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
        }
        int rounds = quick ? Math.min(this.rounds, 3) : this.rounds;
        Duration run = Duration.ofSeconds(quick ? 2 : seconds);
        Duration warmup = Duration.ofSeconds(quick ? 3 : warmupSeconds);
        TestTokens tokens = TestTokens.withNewKey();
        Path jwks = Files.createTempFile("bench-jwks-", ".json");
        Path routes = Files.createTempFile("bench-routes-", ".yaml");
        Files.writeString(jwks, tokens.jwks());
        Map<String, String> productEnv = new LinkedHashMap<>();
        productEnv.put("CAIRN_MONGO_URI", TestInfrastructure.mongoUri());
        productEnv.put("CAIRN_REDIS_URL", TestInfrastructure.redisUrl());
        productEnv.put("CAIRN_RABBITMQ_URL", BenchInfrastructure.rabbitmqUrl());
        // No Kafka: product views go to a closed port and are dropped from a bounded queue, the same for all paths.
        productEnv.put("CAIRN_KAFKA_BOOTSTRAP", "127.0.0.1:" + dev.cairn.launcher.infra.Ports.freePort());
        productEnv.put("CAIRN_READINESS_DATASTORES", "mongo,rabbitmq");
        productEnv.put("CAIRN_RELAY_ENABLED", "false");
        productEnv.put("CAIRN_PRODUCTS_SEED", "true");
        productEnv.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
        System.out.println("gateway: starting product-service ...");
        try (BenchProcess product = BenchProcess.start("product-service", productEnv, SERVER_JVM, Duration.ofSeconds(120));
             Nginx nginx = Nginx.start(product.port())) {
            String id = firstProductId(product.baseUrl());
            Files.writeString(routes, """
                    rateLimits:
                      bench: { requestsPerSecond: 1000000, burst: 1000000 }
                    pools:
                      products: { instances: [ "%s" ] }
                    routes:
                      - { prefix: /api/v1/products, pool: products, auth: required, rateLimit: bench }
                    """.formatted(product.baseUrl()));
            Map<String, String> gatewayEnv = Map.of("CAIRN_GATEWAY_ROUTES_FILE", routes.toString(),
                    "CAIRN_AUTH_JWKS_URL", jwks.toString(), "CAIRN_REDIS_URL", redis ? TestInfrastructure.redisUrl() : "",
                    "CAIRN_GATEWAY_RATE_LIMIT_LEASE", "100ms");
            List<String> gatewayJvm = new ArrayList<>(SERVER_JVM);
            gatewayJvm.addAll(gatewayJvmOptions);
            System.out.println("gateway: starting the gateway ...");
            try (BenchProcess gateway = BenchProcess.start("gateway", gatewayEnv, gatewayJvm, Duration.ofSeconds(60))) {
                String path = "/api/v1/products/" + id;
                Map<String, String> targets = new LinkedHashMap<>();
                targets.put("direct", product.baseUrl() + path);
                targets.put("nginx", nginx.url() + path);
                targets.put("gateway", gateway.baseUrl() + path);
                Map<String, String> headers = Map.of("Authorization", "Bearer "
                        + tokens.token("bench-user", "bench@example.com", Duration.ofHours(2), TestTokens.ISSUER,
                        "cairn", List.of("customer")));
                for (var target : targets.entrySet()) {
                    checkAnswers(target.getKey(), target.getValue(), headers);
                }
                WarmUp warm = warmUp(gateway, targets.get("gateway"), headers, warmup, quick);
                Wrk.run(targets.get("direct"), 2, connections, quick ? run : SIDE_WARMUP, headers);
                Wrk.run(targets.get("nginx"), 2, connections, quick ? run : SIDE_WARMUP, headers);
                Map<String, List<Double>> throughput = new LinkedHashMap<>();
                Map<String, Long> errors = new LinkedHashMap<>();
                Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    for (var target : targets.entrySet()) {
                        Map<String, Double> cpuBefore = cpuSeconds(product, gateway);
                        Wrk.Result result = Wrk.run(target.getValue(), 2, connections, run, headers);
                        Map<String, Double> cpuAfter = cpuSeconds(product, gateway);
                        cpuAfter.forEach((process, seconds) -> cpu.computeIfAbsent(target.getKey(), key -> new LinkedHashMap<>())
                                .computeIfAbsent(process, key -> new ArrayList<>())
                                .add((seconds - cpuBefore.get(process)) * 1e6 / Math.max(1, result.requests())));
                        throughput.computeIfAbsent(target.getKey(), key -> new ArrayList<>()).add(result.requestsPerSecond());
                        errors.merge(target.getKey(), result.errors(), Long::sum);
                        System.out.printf(Locale.ROOT, "gateway: saturation round %d %s %.0f req/s%n", round,
                                target.getKey(), result.requestsPerSecond());
                    }
                }
                Map<String, Summary> saturation = new LinkedHashMap<>();
                throughput.forEach((target, values) -> saturation.put(target, Summary.of(values)));
                double rate = 0.5 * saturation.values().stream().mapToDouble(Summary::median).min().orElseThrow();
                Map<String, List<Double>> p50 = new LinkedHashMap<>();
                Map<String, List<Double>> p99 = new LinkedHashMap<>();
                Map<String, Long> pacedErrors = new LinkedHashMap<>();
                try (PacedLoad paced = new PacedLoad(connections)) {
                    for (var target : targets.entrySet()) {
                        paced.run(URI.create(target.getValue()), rate, Duration.ofSeconds(1), headers);
                    }
                    for (int round = 1; round <= rounds; round++) {
                        for (var target : targets.entrySet()) {
                            PacedLoad.Result result = paced.run(URI.create(target.getValue()), rate, run, headers);
                            p50.computeIfAbsent(target.getKey(), key -> new ArrayList<>()).add(result.percentileMillis(50));
                            p99.computeIfAbsent(target.getKey(), key -> new ArrayList<>()).add(result.percentileMillis(99));
                            pacedErrors.merge(target.getKey(), result.errors(), Long::sum);
                            System.out.printf(Locale.ROOT, "gateway: paced round %d %s at %.0f/s: p50 %.2f ms, p99 %.2f ms%n",
                                    round, target.getKey(), rate, result.percentileMillis(50), result.percentileMillis(99));
                        }
                    }
                }
                return section(quick, rounds, warm, run, rate, saturation, errors, p50, p99, pacedErrors, cpu);
            }
        } finally {
            Files.deleteIfExists(routes);
            Files.deleteIfExists(jwks);
        }
    }

    /**
     * Sends wrk through the gateway in steps until its C2 compiler takes less than {@value #SETTLED_C2_SHARE} of its CPU
     * (at least 20 s, at most {@code longest}): measured rounds then see the compiled hot path, not the compiler.
     */
    private WarmUp warmUp(BenchProcess gateway, String url, Map<String, String> headers, Duration longest, boolean quick)
            throws IOException, InterruptedException {
        Duration step = quick ? longest : Duration.ofSeconds(5);
        Duration least = quick ? longest : Duration.ofSeconds(20);
        Duration elapsed = Duration.ZERO;
        while (true) {
            double compilerBefore = ProcStats.threadCpuSeconds(gateway.pid(), C2_THREADS);
            double allBefore = ProcStats.cpuSeconds(gateway.pid());
            Wrk.run(url, 2, connections, step, headers);
            double share = (ProcStats.threadCpuSeconds(gateway.pid(), C2_THREADS) - compilerBefore)
                    / Math.max(0.01, ProcStats.cpuSeconds(gateway.pid()) - allBefore);
            elapsed = elapsed.plus(step);
            System.out.printf(Locale.ROOT, "gateway: warm-up %d s, C2 compiler %.0f %% of the gateway's CPU%n",
                    elapsed.toSeconds(), share * 100);
            if (elapsed.compareTo(longest) >= 0 || elapsed.compareTo(least) >= 0 && share < SETTLED_C2_SHARE) {
                return new WarmUp(elapsed, share);
            }
        }
    }

    /** How long the gateway's warm-up took, and its C2 compiler's share of its CPU in the last step. */
    private record WarmUp(Duration took, double compilerShare) {
    }

    private Section section(boolean quick, int rounds, WarmUp warm, Duration run, double rate, Map<String, Summary> saturation,
                            Map<String, Long> errors, Map<String, List<Double>> p50, Map<String, List<Double>> p99,
                            Map<String, Long> pacedErrors, Map<String, Map<String, List<Double>>> cpu) {
        Summary direct = saturation.get("direct");
        Summary nginx = saturation.get("nginx");
        Summary gateway = saturation.get("gateway");
        Section.Table throughputTable = new Section.Table("path", "req/s at saturation, median (min–max)",
                "× direct", "× nginx", "errors");
        Map<String, String> names = Map.of("direct", "direct to product-service", "nginx", "through nginx",
                "gateway", "through the Cairn gateway" + (redis ? " (JWT + Redis rate limit)" : " (JWT + local rate limit)"));
        for (var entry : saturation.entrySet()) {
            throughputTable.row(names.get(entry.getKey()), entry.getValue().format(0),
                    Summary.number(entry.getValue().ratioTo(direct), 2), Summary.number(entry.getValue().ratioTo(nginx), 2),
                    Long.toString(errors.get(entry.getKey())));
        }
        List<String> processes = List.copyOf(cpu.get("direct").keySet());
        List<String> cpuHeader = new ArrayList<>(List.of("path"));
        processes.forEach(process -> cpuHeader.add(process + ", µs"));
        Section.Table cpuTable = new Section.Table(cpuHeader.toArray(String[]::new));
        for (var entry : cpu.entrySet()) {
            List<String> row = new ArrayList<>(List.of(names.get(entry.getKey())));
            processes.forEach(process -> row.add(Summary.number(Summary.of(entry.getValue().get(process)).median(), 0)));
            cpuTable.row(row.toArray(String[]::new));
        }
        Section.Table latencyTable = new Section.Table("path", "p50 ms, median (min–max)", "p99 ms, median (min–max)",
                "p99 added vs direct", "errors");
        Summary directP99 = Summary.of(p99.get("direct"));
        for (String target : saturation.keySet()) {
            Summary targetP99 = Summary.of(p99.get(target));
            latencyTable.row(names.get(target), Summary.of(p50.get(target)).format(2), targetP99.format(2),
                    target.equals("direct") ? "–" : Summary.number(targetP99.median() - directP99.median(), 2) + " ms",
                    Long.toString(pacedErrors.get(target)));
        }
        double addedP99 = Summary.of(p99.get("gateway")).median() - directP99.median();
        Section.Table targets = new Section.Table("target (issue 13)", "measured", "met");
        targets.row("gateway ≥ 0.7 × direct throughput", Summary.number(gateway.ratioTo(direct), 2),
                gateway.ratioTo(direct) >= 0.7 ? "yes" : "no");
        targets.row("gateway ≥ 1.0 × nginx throughput", Summary.number(gateway.ratioTo(nginx), 2),
                gateway.ratioTo(nginx) >= 1.0 ? "yes" : "no");
        targets.row("p99 added by the gateway ≤ 2 ms (50 % load)", Summary.number(addedP99, 2) + " ms",
                addedP99 <= 2 ? "yes" : "no");
        String command = "./cairn bench gateway" + (quick ? " --quick" : "") + (redis ? "" : " --no-redis");
        return new Section("Gateway overhead: direct vs nginx vs Cairn gateway")
                .command(command)
                .text("The same GET of one product by id (`/api/v1/products/{id}`, answered from product-service's "
                        + "in-process cache, with the same `Authorization: Bearer` token on every path) sent to a real "
                        + "product-service (MongoDB, Redis cache, RabbitMQ; the demo catalog seeded), through Debian's "
                        + "nginx as a plain reverse proxy in front of it (`worker_processes auto`, upstream keep-alive, "
                        + "access log on), and through a real Cairn gateway in front of it with the route on "
                        + "`auth: required` (RS256 signature, issuer and audience verified at the token's first use and "
                        + "remembered for up to a minute, expiry checked on every request; the product service does the "
                        + "same behind every path) and "
                        + "a rate-limit class " + (redis ? "shared through Redis (1 000 000/s: the gateway leases its tokens "
                        + "in batches, one `EVALSHA` per 1 000 requests)" : "in the gateway's memory")
                        + ". Services run with `-XX:+UseParallelGC -Xmx512m` and the full JIT. Rounds alternate "
                        + "direct → nginx → gateway so all three see the same machine.")
                .text(String.format(Locale.ROOT, "**Saturation**: `wrk -t2 -c%d -d%ds -H 'Authorization: …'` (Debian's "
                        + "wrk, closed loop) after a warm-up: through the gateway in 5 s steps until its C2 compiler "
                        + "(the CPU time of its `C2 CompilerThre` threads in /proc) took under %.0f %% of its CPU in a "
                        + "step, at least 20 s — the JIT has then compiled the gateway's hot path; before that, half of "
                        + "its CPU went to compiling. This run: %d s (C2 at %.0f %% in the last step). Then 5 s direct "
                        + "and 5 s through nginx, and %d rounds.", connections, run.toSeconds(), SETTLED_C2_SHARE * 100,
                        warm.took().toSeconds(), warm.compilerShare() * 100, rounds))
                .table(throughputTable)
                .text("**CPU per request at saturation** (median of the rounds): CPU time each process used during "
                        + "a saturation run (`/proc/<pid>/stat`; nginx and Redis summed over their processes), divided "
                        + "by the requests wrk completed; the machine column is all busy CPU of `/proc/stat`, wrk and "
                        + "everything else included. Where the machine's two cores go decides the throughput.")
                .table(cpuTable)
                .text(String.format(Locale.ROOT, "**Latency at a fixed 50 %% load**: %s req/s on every path (half the "
                        + "lowest saturation median above), open loop from the JVM load generator (`PacedLoad`: each "
                        + "request is due at start + i/rate and its latency counts from when it was due, so stalls "
                        + "are not hidden; at most %d requests in flight, as many connections as wrk's — wrk2's "
                        + "method; wrk2 is not in Debian), %d s per run, %d rounds.",
                        Summary.number(rate, 0), connections, run.toSeconds(), rounds))
                .table(latencyTable)
                .table(targets);
    }

    /** CPU seconds used so far by each process that serves the requests, and by the whole machine. */
    private static Map<String, Double> cpuSeconds(BenchProcess product, BenchProcess gateway) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("product-service", ProcStats.cpuSeconds(product.pid()));
        seconds.put("nginx", ProcStats.cpuSecondsOfAll("nginx"));
        seconds.put("gateway", ProcStats.cpuSeconds(gateway.pid()));
        seconds.put("Redis", ProcStats.cpuSecondsOfAll("redis-server"));
        seconds.put("machine", ProcStats.machineBusySeconds());
        return seconds;
    }

    private static String firstProductId(String baseUrl) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/products?limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = ID.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no product in the seeded catalog: " + body);
            }
            return matcher.group(1);
        }
    }

    private static void checkAnswers(String name, String url, Map<String, String> headers) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }
}
