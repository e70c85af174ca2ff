package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seeded fuzzer sends more than 10,000 malformed or malicious requests through the gateway: broken JSON, wrong
 * types, huge numbers, unicode edge cases, injection strings, oversized headers, bad tokens, bad Idempotency-Keys,
 * unknown fields, wrong media types and methods, traversal paths, oversized bodies. None gets a 5xx, every error is a
 * problem+json whose status matches the response, no write is accepted, nothing the requests aimed at changed, and
 * the platform is healthy afterwards. The seed is printed and in the report; {@code -Dcairn.fuzz.seed=...} repeats a
 * run.
 */
@Order(3)
@ExtendWith(SharedPlatform.class)
class HostileInputIT {

    private static final SuiteReport REPORT = new SuiteReport("HostileInputIT");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("cairn.fuzz.requests", 10_000);
    private static final int THREADS = 4;

    private static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1", "1; DROP TABLE users; --", "\" OR \"\"=\"", "admin'--", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000", "\u202e\u0041\u0042", "\ufeffBOM", "\u200b\u200d",
            "\uffff", "\ud83d\ude00\ud83d\ude00", "A".repeat(5000), "Ω≈ç√∫", "null", "undefined", "NaN", "-0", "1e309", "0x7fffffff",
            "%s%s%s%n", "\r\nX-Injected: 1", "*", ".*", "(", "[a-z]+", "\\", "|", "`id`", "$(id)");

    private static final List<String> BROKEN_JSON = List.of(
            "", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":NaN}",
            "{\"a\":Infinity}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\ud800\"}", "nul", "tru", "\"unterminated", "{\"a\":1}{\"b\":2}",
            "{\"a\":[1,2,3}", "\u0000\u0000", "{\"a\":\"b\"\u0000}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "{\"a\":".repeat(2000)
                    + "1" + "}".repeat(2001), "<xml/>", "a=1&b=2", "{\"email\":\"x\",\"password\":\"y\" /* comment */}");

    private static final List<String> HUGE_NUMBERS = List.of(
            "99999999999999999999999999999999", "-99999999999999999999999999999999", "1e309", "-1e309", "1e-400",
            "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "0.000000000000000000000000001",
            "1" + "0".repeat(4000), "-0.0", "-1", "0");

    private static final List<String> BAD_TOKENS = List.of(
            "garbage", "Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "a.b.c", "....", "eyJ" + "A".repeat(9000),
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImdyb3VwcyI6WyJhZG1pbiJdfQ.c2lnbmF0dXJl",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLy4uL2V0Yy9wYXNzd2QifQ.eyJzdWIiOiJ4In0.AAAA", "null", "\u00ff\u00fe");

    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> transportRejections = new ConcurrentHashMap<>();

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    /** What a fuzzed request was, and whether it would change data if it were accepted. */
    private record Attack(String kind, String method, String path, List<String> headers, byte[] body, boolean writes) {
    }

    @Test
    void tenThousandHostileRequestsGetNoServerErrorOnlyProblemsAndChangeNothing(Platform platform) throws Exception {
        long seed = Long.getLong("cairn.fuzz.seed", 20261126L);
        REPORT.fact("seed", seed);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Platform.Customer customer = platform.newCustomer("fuzz-" + run);
        String admin = platform.admin();
        String product = platform.newProduct("Fuzz Target " + run, "12.00", "games");
        platform.setStock(product, 7);
        Snapshot before = Snapshot.take(platform, customer, product, run);

        Targets targets = new Targets(customer.token(), admin, product, run);
        int port = platform.port("gateway");
        Instant begin = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            int share = REQUESTS / THREADS;
            work.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    fire(port, targets.next(random));
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Duration took = Duration.between(begin, Instant.now());
        REPORT.timing("fuzzing", took);
        long sent = byKind.values().stream().mapToLong(AtomicLong::get).sum();
        REPORT.count("requests", sent);
        long transport = byStatus.entrySet().stream().filter(e -> e.getKey().contains("HTTP server") || e.getKey().startsWith("closed"))
                .mapToLong(e -> e.getValue().get()).sum();
        REPORT.fact("refused by the HTTP server itself (plain text or closed)", transport);
        byStatus.forEach((status, n) -> REPORT.count("status " + status, n.get()));
        byKind.forEach((kind, n) -> REPORT.count("kind " + kind, n.get()));
        REPORT.fact("requests per second", String.format("%.0f", sent / (took.toMillis() / 1000.0)));
        REPORT.fact("violations", violations.size());
        transportRejections.forEach((what, n) -> REPORT.count("400 by the HTTP server: " + what, n.get()));
        violations.stream().limit(50).forEach(v -> REPORT.fact("violation " + Integer.toHexString(v.hashCode()), v));

        assertThat(sent).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(violations).as("5xx, non-problem errors or accepted writes (first 20)")
                .satisfies(list -> assertThat(list.subList(0, Math.min(20, list.size()))).isEmpty());

        // healthy afterwards: every process ready, and a real order still goes through
        for (String process : List.of("gateway", "user-service", "order-service", "product-service", "analytics-service")) {
            await().atMost(30, TimeUnit.SECONDS).until(() ->
                    Http.send(platform.direct(process), "GET", "/health/ready", null, null).statusCode() == 200);
        }
        // nothing the rejected requests aimed at changed
        assertThat(Snapshot.take(platform, customer, product, run)).isEqualTo(before);
        Platform.Customer after = platform.newCustomer("after-fuzz");
        String order = platform.placeOrder(after.token(), product, 1, "tok_ok");
        platform.awaitConfirmed(after.token(), order);
    }

    private void fire(int port, Attack attack) {
        StringBuilder head = new StringBuilder(attack.method()).append(' ').append(attack.path()).append(" HTTP/1.1\r\nHost: 127.0.0.1");
        attack.headers().forEach(header -> head.append("\r\n").append(header));
        if (attack.body() != null) {
            head.append("\r\nContent-Length: ").append(attack.body().length);
        }
        byKind.computeIfAbsent(attack.kind(), k -> new AtomicLong()).incrementAndGet();
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, head.toString(), attack.body() == null ? new byte[0] : attack.body());
        } catch (RawHttp.ClosedWithoutAnswer e) {
            if (head.length() > 8192) {
                // an oversized request line or header block: the HTTP server may refuse it by closing the connection
                byStatus.computeIfAbsent("closed (oversized request)", k -> new AtomicLong()).incrementAndGet();
                return;
            }
            byStatus.computeIfAbsent("no answer", k -> new AtomicLong()).incrementAndGet();
            violations.add(attack.kind() + " " + attack.method() + " " + abbreviate(attack.path()) + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            byStatus.computeIfAbsent("no answer", k -> new AtomicLong()).incrementAndGet();
            violations.add(attack.kind() + " " + attack.method() + " " + abbreviate(attack.path()) + ": no answer (" + e.getMessage() + ")");
            return;
        }
        int status = response.status();
        byStatus.computeIfAbsent(status / 100 + "xx", k -> new AtomicLong()).incrementAndGet();
        String what = attack.kind() + " " + attack.method() + " " + abbreviate(attack.path()) + " -> " + status;
        if (status >= 500) {
            violations.add(what + ": " + abbreviate(response.body()));
        } else if (Set.of(400, 413, 414, 431).contains(status) && isTransportRejection(response)) {
            // refused by the HTTP server before any handler ran (docs/GATEWAY.md, edge filter): plain text, no details
            byStatus.computeIfAbsent("4xx of which " + status + " by the HTTP server", k -> new AtomicLong()).incrementAndGet();
            transportRejections.computeIfAbsent(attack.kind() + ": " + abbreviate(response.body()), k -> new AtomicLong())
                    .incrementAndGet();
        } else if (status >= 400) {
            String problem = problemDefect(status, response);
            if (problem != null) {
                violations.add(what + ": " + problem);
            }
        } else if (attack.writes() && status < 300) {
            violations.add(what + ": a hostile write was accepted: " + abbreviate(response.body()));
        }
    }

    /**
     * Helidon's own answer to a request it cannot parse as HTTP (a header over the size limit, bytes not allowed in a
     * header, a path that is not valid percent-encoding, a Content-Encoding it does not decode): 400 text/plain with a
     * one-line reason, before the gateway's handlers could answer a problem.
     */
    private static boolean isTransportRejection(RawHttp.Response response) {
        String type = response.header("content-type");
        return type != null && type.startsWith("text/plain") && response.body().length() < 200
                && !response.body().contains("Exception") && !response.body().contains("\tat ");
    }

    /** Why an error response is not a valid problem+json of its status, or null when it is. */
    private static String problemDefect(int status, RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + ", body " + abbreviate(response.body());
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").isTextual() || !problem.path("title").isTextual() || problem.path("status").asInt() != status) {
                return "incomplete problem " + abbreviate(response.body());
            }
            if (response.body().contains("Exception") || response.body().contains("\tat ")) {
                return "leaks internals: " + abbreviate(response.body());
            }
            return null;
        } catch (IOException e) {
            return "problem is not JSON: " + abbreviate(response.body());
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("[\\r\\n\\p{Cntrl}]", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }

    /** The endpoints and the request shapes the fuzzer aims at, each with a defect that must get it refused. */
    private record Targets(String customer, String admin, String product, String run) {

        Attack next(Random random) {
            return switch (random.nextInt(12)) {
                case 0 -> brokenJson(random);
                case 1 -> wrongTypes(random);
                case 2 -> hugeNumbers(random);
                case 3 -> unicodeAndInjectionInBodies(random);
                case 4 -> hostileQueries(random);
                case 5 -> hostilePaths(random);
                case 6 -> oversizedHeaders(random);
                case 7 -> badTokens(random);
                case 8 -> badIdempotencyKeys(random);
                case 9 -> unknownFields(random);
                case 10 -> wrongMediaTypesAndMethods(random);
                default -> rawProtocolAbuse(random);
            };
        }

        private record Endpoint(String method, String path, Function<Targets, String> token, String validBody) {
        }

        private List<Endpoint> writeEndpoints() {
            String email = "fuzz-" + run + "-" + "x@fuzz.cairn.dev";
            return List.of(
                    new Endpoint("POST", "/api/v1/auth/register", t -> null,
                            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\",\"name\":\"Fuzz\"}"),
                    new Endpoint("POST", "/api/v1/auth/login", t -> null,
                            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}"),
                    new Endpoint("POST", "/api/v1/auth/refresh", t -> null, "{\"refreshToken\":\"abc\"}"),
                    new Endpoint("PATCH", "/api/v1/users/me", Targets::customer, "{\"name\":\"Fuzzed\"}"),
                    new Endpoint("POST", "/api/v1/products", Targets::admin,
                            "{\"sku\":\"FZ-" + run + "\",\"name\":\"Fuzz\",\"category\":\"games\",\"tags\":[\"fuzz-" + run
                                    + "\"],\"price\":1.00,\"currency\":\"EUR\"}"),
                    new Endpoint("PATCH", "/api/v1/products/" + product, Targets::admin, "{\"price\":13.00}"),
                    new Endpoint("POST", "/api/v1/products/" + product + "/reviews", Targets::customer,
                            "{\"rating\":3,\"text\":\"fuzz\"}"),
                    new Endpoint("PUT", "/api/v1/inventory/" + product, Targets::admin, "{\"available\":99}"),
                    new Endpoint("POST", "/api/v1/orders", Targets::customer, Platform.orderBody(product, 1, "tok_ok")));
        }

        private Attack write(String kind, Random random, Function<String, String> corrupt) {
            Endpoint endpoint = pick(random, writeEndpoints());
            List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
            String token = endpoint.token().apply(this);
            if (token != null) {
                headers.add("Authorization: Bearer " + token);
            }
            if (endpoint.path().equals("/api/v1/orders")) {
                headers.add("Idempotency-Key: " + UUID.randomUUID());
            }
            return new Attack(kind, endpoint.method(), endpoint.path(), headers,
                    corrupt.apply(endpoint.validBody()).getBytes(StandardCharsets.UTF_8), true);
        }

        Attack brokenJson(Random random) {
            return write("broken-json", random, valid -> switch (random.nextInt(3)) {
                case 0 -> pick(random, BROKEN_JSON);
                case 1 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1)); // truncated
                default -> valid.replace(":", random.nextBoolean() ? "=" : "");
            });
        }

        Attack wrongTypes(Random random) {
            List<String> wrong = List.of("true", "[]", "{}", "null", "[\"a\",1]", "{\"$gt\":\"\"}");
            return write("wrong-type", random, valid -> {
                // the first field of the body gets a value of the wrong type
                String replaced = replaceValue(valid, firstField(valid), pick(random, wrong));
                return replaced.equals(valid) ? valid + "x" : withUnknownFieldLast(replaced, random);
            });
        }

        Attack hugeNumbers(Random random) {
            Endpoint endpoint = pick(random, writeEndpoints().stream()
                    .filter(e -> e.validBody().matches(".*\"(available|rating|price|quantity)\":.*")).toList());
            String number = pick(random, HUGE_NUMBERS);
            // the number is read first; a field nobody knows at the end keeps even an acceptable number from being stored
            String body = withUnknownFieldLast(endpoint.validBody()
                    .replaceAll("\"(available|rating|price|quantity)\":[0-9.]+", "\"$1\":" + number), random);
            List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
            String token = endpoint.token().apply(this);
            if (token != null) {
                headers.add("Authorization: Bearer " + token);
            }
            if (endpoint.path().equals("/api/v1/orders")) {
                headers.add("Idempotency-Key: " + UUID.randomUUID());
            }
            return new Attack("huge-number", endpoint.method(), endpoint.path(), headers, body.getBytes(StandardCharsets.UTF_8), true);
        }

        private static String withUnknownFieldLast(String json, Random random) {
            int end = json.lastIndexOf('}');
            return json.substring(0, end) + ",\"x-" + random.nextInt(1000) + "\":1" + json.substring(end);
        }

        Attack unicodeAndInjectionInBodies(Random random) {
            return write("hostile-strings-in-body", random, valid -> {
                String hostile = JSON.valueToTree(pick(random, HOSTILE_STRINGS)).toString();
                // the hostile value, plus a field no endpoint knows: must be refused whatever the value does
                return withUnknownFieldLast(valid.replaceFirst(":\"[^\"]*\"", ":" + java.util.regex.Matcher.quoteReplacement(hostile)), random);
            });
        }

        Attack unknownFields(Random random) {
            List<String> extras = List.of("\"role\":\"admin\"", "\"roles\":[\"admin\"]", "\"id\":\"" + UUID.randomUUID() + "\"",
                    "\"status\":\"CONFIRMED\"", "\"etag\":\"0\"", "\"__proto__\":{\"admin\":true}", "\"constructor\":{}",
                    "\"unitsSold\":1000", "\"userId\":\"someone-else\"", "\"total\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}");
            return write("unknown-field", random, valid -> valid.replaceFirst("\\{", "{" + pick(random, extras) + ","));
        }

        Attack hostileQueries(Random random) {
            List<String> parameters = List.of("q", "category", "tag", "sort", "cursor", "limit", "minPrice", "maxPrice", "window", "status");
            List<String> paths = List.of("/api/v2/products", "/api/v1/products", "/api/v1/orders", "/api/v1/users",
                    "/api/v1/analytics/summary", "/api/v1/audit", "/api/v1/products/" + product + "/reviews", "/api/v1/admin/dlq");
            String path = pick(random, paths);
            StringBuilder query = new StringBuilder(path).append('?');
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String value = pick(random, HOSTILE_STRINGS);
                if (random.nextInt(4) == 0) {
                    value = pick(random, HUGE_NUMBERS);
                }
                query.append(i == 0 ? "" : "&").append(pick(random, parameters)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            List<String> headers = new ArrayList<>();
            headers.add("Authorization: Bearer " + (random.nextBoolean() ? admin : customer));
            return new Attack("hostile-query", "GET", query.toString(), headers, null, false);
        }

        Attack hostilePaths(Random random) {
            List<String> bases = List.of("/api/v2/products/", "/api/v1/products/", "/api/v1/orders/", "/api/v1/inventory/",
                    "/api/v1/users/", "/api/v1/admin/dlq/", "/api/v1/orders/" + UUID.randomUUID() + "/", "/");
            List<String> raw = List.of("..", "%2e%2e", "%2f", "..%2f..%2fetc%2fpasswd", "%252e%252e", "%00", "%ff%fe", "%c0%af",
                    "%e2%80%ae", "a//b", "\\..\\", "~", ";jsessionid=1", "%u0041", "%", "%zz", "a%0d%0aX-Injected:%201",
                    "9".repeat(3000), UUID.randomUUID() + "/history/../../", "not-a-uuid", "00000000-0000-0000-0000-000000000000");
            String path = pick(random, bases) + (random.nextBoolean() ? pick(random, raw)
                    : URLEncoder.encode(pick(random, HOSTILE_STRINGS), StandardCharsets.UTF_8));
            String method = pick(random, List.of("GET", "GET", "GET", "DELETE", "POST", "PUT"));
            List<String> headers = new ArrayList<>(List.of("Authorization: Bearer " + (random.nextBoolean() ? admin : customer)));
            byte[] body = null;
            if (!method.equals("GET")) {
                headers.add("Content-Type: application/json");
                body = "{\"unknownField\":true}".getBytes(StandardCharsets.UTF_8);
            }
            // a DELETE of a real id would be a legitimate request: the path's ids are never real ones
            return new Attack("hostile-path", method, path, headers, body, !method.equals("GET"));
        }

        Attack oversizedHeaders(Random random) {
            List<String> headers = new ArrayList<>();
            switch (random.nextInt(4)) {
                case 0 -> headers.add("X-Big: " + "a".repeat(16_000 + random.nextInt(64_000)));
                case 1 -> {
                    for (int i = 0; i < 300 + random.nextInt(300); i++) {
                        headers.add("X-Many-" + i + ": " + i);
                    }
                }
                case 2 -> headers.add("Cookie: " + "c=1; ".repeat(5_000));
                default -> headers.add("Authorization: Bearer " + "x".repeat(40_000));
            }
            return new Attack("oversized-headers", "GET", "/api/v1/orders", headers, null, false);
        }

        Attack badTokens(Random random) {
            List<String> paths = List.of("/api/v1/users/me", "/api/v1/orders", "/api/v1/users", "/api/v1/audit",
                    "/api/v1/analytics/summary", "/api/v1/admin/dlq");
            String token = pick(random, BAD_TOKENS);
            String header = switch (random.nextInt(5)) {
                case 0 -> "Authorization: Bearer " + token;
                case 1 -> "Authorization: Basic " + Base64.getEncoder().encodeToString(("admin:" + token).getBytes(StandardCharsets.UTF_8));
                case 2 -> "Authorization: " + token;
                case 3 -> "Authorization: Bearer " + customer.substring(0, customer.length() - 3) + "AAA"; // tampered signature
                default -> "Authorization: Bearer " + tamperedClaims(customer);
            };
            String method = random.nextBoolean() ? "GET" : "POST";
            List<String> headers = new ArrayList<>(List.of(header));
            byte[] body = null;
            if (method.equals("POST")) {
                headers.add("Content-Type: application/json");
                headers.add("Idempotency-Key: " + UUID.randomUUID());
                body = Platform.orderBody(product, 1, "tok_ok").getBytes(StandardCharsets.UTF_8);
            }
            return new Attack("bad-token", method, pick(random, paths), headers, body, method.equals("POST"));
        }

        Attack badIdempotencyKeys(Random random) {
            List<String> keys = List.of("", " ", "\t", "k".repeat(129), "k".repeat(5000), "\u0001\u0002", "a\u007fb");
            String key = pick(random, keys);
            List<String> headers = new ArrayList<>(List.of("Content-Type: application/json", "Authorization: Bearer " + customer));
            if (random.nextInt(5) > 0) {
                headers.add("Idempotency-Key: " + key); // otherwise: no key at all
            }
            return new Attack("bad-idempotency-key", "POST", "/api/v1/orders", headers,
                    Platform.orderBody(product, 1, "tok_ok").getBytes(StandardCharsets.UTF_8), true);
        }

        Attack wrongMediaTypesAndMethods(Random random) {
            if (random.nextBoolean()) {
                Attack write = write("wrong-media-type", random, valid -> valid);
                List<String> headers = new ArrayList<>(write.headers().stream().filter(h -> !h.startsWith("Content-Type")).toList());
                headers.add("Content-Type: " + pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/jsonx", "text/json")));
                return new Attack("wrong-media-type", write.method(), write.path(), headers, write.body(), true);
            }
            String method = pick(random, List.of("TRACE", "CONNECT", "PROPFIND", "FOO", "PATCH", "PUT"));
            String path = pick(random, List.of("/api/v1/orders", "/api/v1/auth/login", "/api/v2/products", "/api/v1/audit"));
            return new Attack("wrong-method", method, path, List.of("Authorization: Bearer " + customer,
                    "Content-Type: application/json"), "{\"unknownField\":1}".getBytes(StandardCharsets.UTF_8), true);
        }

        Attack rawProtocolAbuse(Random random) {
            List<String> headers = new ArrayList<>(List.of("Content-Type: application/json", "Authorization: Bearer " + admin));
            return switch (random.nextInt(5)) {
                case 0 -> new Attack("oversized-body", "POST", "/api/v1/products", headers,
                        ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8), true);
                case 1 -> {
                    headers.add("X-Evil: a\u0001b");
                    yield new Attack("control-chars-in-header", "GET", "/api/v2/products", headers, null, false);
                }
                case 2 -> {
                    // Content-Length and Transfer-Encoding together, as in request smuggling; the chunked body is complete
                    headers.add("Transfer-Encoding: chunked");
                    yield new Attack("request-smuggling", "POST", "/api/v1/products", headers,
                            "12\r\n{\"unknownField\":1}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), true);
                }
                case 3 -> {
                    headers.add("traceparent: " + pick(random, HOSTILE_STRINGS).replaceAll("[\\r\\n\\x00-\\x1f]", "x"));
                    headers.add("X-Request-Id: " + pick(random, HOSTILE_STRINGS).replaceAll("[\\r\\n\\x00-\\x1f]", "x"));
                    yield new Attack("hostile-trace-headers", "GET", "/api/v2/products?limit=1", headers, null, false);
                }
                default -> {
                    headers.add("Content-Encoding: gzip");
                    yield new Attack("bogus-content-encoding", "POST", "/api/v1/products", headers,
                            new byte[] {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, true);
                }
            };
        }

        private static String tamperedClaims(String token) {
            String[] parts = token.split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"customer\"", "\"admin\"");
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2];
        }

        private static String firstField(String json) {
            int start = json.indexOf('"') + 1;
            return json.substring(start, json.indexOf('"', start));
        }

        private static String replaceValue(String json, String field, String value) {
            return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+|\\[[^\\]]*\\]|\\{[^}]*\\})", "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
        }

        private static <T> T pick(Random random, List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    /** What the rejected requests aimed at, as the API shows it. */
    private record Snapshot(String profile, String product, String stock, String orders, String reviews, String fuzzUsers,
                            String fuzzProducts) {
        static Snapshot take(Platform platform, Platform.Customer customer, String product, String run) {
            String admin = platform.admin();
            JsonNode me = Platform.json(platform.call("GET", "/api/v1/users/me", customer.token(), null));
            JsonNode item = Platform.json(platform.call("GET", "/api/v2/products/" + product, admin, null, Map.of("Cache-Control", "no-cache")));
            return new Snapshot(
                    me.get("email").asText() + "|" + me.get("name").asText() + "|" + me.get("roles"),
                    item.get("name").asText() + "|" + item.get("price") + "|" + item.get("version") + "|" + item.get("rating"),
                    platform.stock(product).toString(),
                    Platform.json(platform.call("GET", "/api/v1/orders", customer.token(), null)).get("items").toString(),
                    Platform.json(platform.call("GET", "/api/v1/products/" + product + "/reviews", null, null)).get("items").toString(),
                    Platform.json(platform.call("GET", "/api/v1/users?q=fuzz-" + run + "-x", admin, null)).get("items").toString(),
                    Platform.json(platform.call("GET", "/api/v2/products?tag=fuzz-" + run, admin, null)).get("items").toString());
        }
    }
}
