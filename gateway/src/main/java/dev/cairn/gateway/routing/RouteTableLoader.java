package dev.cairn.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.commons.config.ConfigValues;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a route table from YAML (format in docs/GATEWAY.md). {@code ${NAME:default}} anywhere in the text is replaced
 * by the value {@code lookup} gives for {@code NAME} (environment, then configuration), else by the default. Every
 * problem of the file is collected and reported together, naming where it is.
 */
public final class RouteTableLoader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Function<String, String> lookup;

    /** @param lookup value of a placeholder name, or null when unset */
    public RouteTableLoader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /**
     * Parses {@code yaml}.
     *
     * @throws InvalidRouteTableException listing every problem
     */
    public RouteTable parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(substitute(yaml));
        } catch (JsonProcessingException e) {
            throw new InvalidRouteTableException(List.of("not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidRouteTableException(List.of("not readable: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRouteTableException(List.of("the route table must be a YAML mapping with routes and pools"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, RateLimitSpec> limits = rateLimits(root.path("rateLimits"), problems);
        Map<String, PoolSpec> pools = pools(root.path("pools"), problems);
        List<Route> routes = routes(root.path("routes"), pools, limits, problems);
        List<String> origins = new ArrayList<>();
        JsonNode cors = root.path("corsOrigins");
        if (cors.isTextual()) {
            for (String origin : cors.asText().split(",")) {
                if (!origin.isBlank()) {
                    origins.add(origin.trim());
                }
            }
        } else {
            cors.forEach(origin -> origins.add(origin.asText()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRouteTableException(problems);
        }
        return new RouteTable(routes, pools, limits, origins);
    }

    private String substitute(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup.apply(matcher.group(1));
            if (value == null) {
                value = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, RateLimitSpec> rateLimits(JsonNode node, List<String> problems) {
        Map<String, RateLimitSpec> limits = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            double rate = entry.getValue().path("requestsPerSecond").asDouble(-1);
            int burst = entry.getValue().path("burst").asInt(-1);
            if (rate <= 0 || burst < 1) {
                problems.add("rateLimits." + entry.getKey() + ": requestsPerSecond > 0 and burst >= 1 are required");
            } else {
                limits.put(entry.getKey(), new RateLimitSpec(entry.getKey(), rate, burst));
            }
        });
        if (!limits.containsKey("default")) {
            limits.put("default", new RateLimitSpec("default", 50, 100));
        }
        return limits;
    }

    private static Map<String, PoolSpec> pools(JsonNode node, List<String> problems) {
        Map<String, PoolSpec> pools = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problems.add("pools: at least one pool is required");
            return pools;
        }
        node.properties().forEach(entry -> {
            String where = "pools." + entry.getKey();
            JsonNode pool = entry.getValue();
            PoolSpec.Strategy strategy;
            try {
                strategy = PoolSpec.Strategy.parse(pool.path("strategy").asText("round_robin"));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".strategy: " + e.getMessage());
                return;
            }
            List<PoolSpec.InstanceSpec> instances = new ArrayList<>();
            for (JsonNode instance : pool.path("instances")) {
                String url = instance.isTextual() ? instance.asText() : instance.path("url").asText("");
                int weight = instance.isTextual() ? 1 : instance.path("weight").asInt(1);
                try {
                    URI uri = URI.create(url);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        throw new IllegalArgumentException("not an http(s) URL");
                    }
                    if (weight < 1) {
                        throw new IllegalArgumentException("weight must be 1 or more");
                    }
                    instances.add(new PoolSpec.InstanceSpec(uri, weight));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ".instances: '" + url + "': " + e.getMessage());
                }
            }
            if (instances.isEmpty()) {
                problems.add(where + ".instances: at least one instance URL is required");
                return;
            }
            Duration every = duration(pool.path("healthInterval"), Duration.ofSeconds(2), where + ".healthInterval", problems);
            pools.put(entry.getKey(), new PoolSpec(entry.getKey(), strategy, instances, pool.path("dns").asBoolean(false),
                    pool.path("healthPath").asText("/health/ready"), every));
        });
        return pools;
    }

    private static List<Route> routes(JsonNode node, Map<String, PoolSpec> pools, Map<String, RateLimitSpec> limits,
                                      List<String> problems) {
        List<Route> routes = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("routes: at least one route is required");
            return routes;
        }
        Set<String> prefixes = new HashSet<>();
        int index = 0;
        for (JsonNode route : node) {
            String where = "routes[" + index++ + "]";
            String prefix = route.path("prefix").asText("");
            if (!prefix.startsWith("/") || prefix.contains("..") || prefix.contains("//")) {
                problems.add(where + ".prefix: '" + prefix + "' must be an absolute path");
                continue;
            }
            if (!prefixes.add(prefix)) {
                problems.add(where + ".prefix: '" + prefix + "' appears twice");
            }
            String pool = route.path("pool").asText("");
            if (!pools.containsKey(pool)) {
                problems.add(where + ".pool: no pool named '" + pool + "'");
            }
            Route.Auth auth;
            try {
                auth = Route.Auth.valueOf(route.path("auth").asText("optional").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".auth: must be required, optional or none");
                continue;
            }
            Set<String> roles = new HashSet<>();
            route.path("roles").forEach(role -> roles.add(role.asText()));
            if (!roles.isEmpty() && auth != Route.Auth.REQUIRED) {
                auth = Route.Auth.REQUIRED;
            }
            String limit = route.path("rateLimit").asText("default");
            if (!limits.containsKey(limit)) {
                problems.add(where + ".rateLimit: no rate-limit class named '" + limit + "'");
            }
            Duration timeout = duration(route.path("timeout"), Duration.ofSeconds(10), where + ".timeout", problems);
            int retries = route.path("retries").asInt(1);
            if (retries < 0 || retries > 5) {
                problems.add(where + ".retries: must be 0..5");
            }
            routes.add(new Route(prefix, pool, auth, Set.copyOf(roles), limit, timeout, retries,
                    route.path("cache").asBoolean(false)));
        }
        return routes;
    }

    private static Duration duration(JsonNode node, Duration fallback, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        try {
            return ConfigValues.parseDuration(where, node.asText());
        } catch (RuntimeException e) {
            problems.add(where + ": '" + node.asText() + "' is not a duration like 500ms, 10s or 1m");
            return fallback;
        }
    }

    /** A route table that cannot be used, with every reason. */
    public static final class InvalidRouteTableException extends RuntimeException {
        private final List<String> problems;

        public InvalidRouteTableException(List<String> problems) {
            super("Invalid route table: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
