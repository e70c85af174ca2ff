package dev.cairn.gateway;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.redis.RedisClients;
import dev.cairn.commons.tracing.Tracing;
import dev.cairn.gateway.admin.GatewayView;
import dev.cairn.gateway.auth.Jwks;
import dev.cairn.gateway.auth.TokenVerifier;
import dev.cairn.gateway.edge.EdgeFilter;
import dev.cairn.gateway.proxy.AccessLog;
import dev.cairn.gateway.proxy.GatewayMetrics;
import dev.cairn.gateway.proxy.ProxyHandler;
import dev.cairn.gateway.proxy.ResponseCache;
import dev.cairn.gateway.proxy.RetryBudget;
import dev.cairn.gateway.ratelimit.RateLimiter;
import dev.cairn.gateway.routing.RouteTableLoader;
import dev.cairn.gateway.routing.RouteTableSource;
import dev.cairn.gateway.upstream.CircuitBreaker;
import dev.cairn.gateway.upstream.UpstreamClient;
import dev.cairn.gateway.upstream.Upstreams;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.HttpRouting;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Assembles the gateway and puts it in front of everything on the web server's routing, before the web server
 * starts: the {@link EdgeFilter} for every request, then the {@link ProxyHandler} for every path (health, metrics and
 * OpenAPI are features the server serves first). Settings are in docs/GATEWAY.md.
 */
@ApplicationScoped
public class GatewayRuntime {

    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class.getName());

    private final Config config;
    private final MetricRegistry registry;
    private final Clock clock;
    private RouteTableSource table;
    private Upstreams upstreams;
    private UpstreamClient client;
    private RedisClient redis;
    private ScheduledExecutorService gauges;

    @Inject
    public GatewayRuntime(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
                          Clock clock) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beans) {
        table = new RouteTableSource(new RouteTableLoader(this::lookup),
                config.getOptionalValue("cairn.gateway.routes-file", String.class).filter(f -> !f.isBlank()).map(Path::of))
                .watch(config.getOptionalValue("cairn.gateway.reload-seconds", Integer.class).orElse(2));
        upstreams = new Upstreams(table, clock, this::breaker).start();
        redis = config.getOptionalValue("cairn.redis.url", String.class).filter(url -> !url.isBlank())
                .map(url -> RedisClients.create(ConfigValues.parseUri("cairn.redis.url", url, "e.g. redis://127.0.0.1:6379",
                        "redis", "rediss"), Duration.ofMillis(500), registry, "gateway"))
                .orElse(null);
        RateLimiter limiter = new RateLimiter(redis, config.getOptionalValue("cairn.gateway.rate-limit-prefix", String.class)
                .orElse("cairn:ratelimit:"), Duration.ofSeconds(5),
                ConfigValues.duration(config, "cairn.gateway.rate-limit-lease", Duration.ZERO), clock);
        TokenVerifier tokens = new TokenVerifier(new Jwks(URI.create(ConfigValues.require(config, "cairn.auth.jwks-url",
                "the user service's JWKS, e.g. http://127.0.0.1:8081/.well-known/jwks.json")), Duration.ofMinutes(5),
                Duration.ofSeconds(10), clock),
                config.getOptionalValue("cairn.auth.issuer", String.class).orElse("https://cairn.local/auth"), "cairn", clock);
        GatewayMetrics metrics = new GatewayMetrics(registry);
        int connectionsPerInstance = config.getOptionalValue("cairn.gateway.connections-per-instance", Integer.class)
                .orElse(512);
        if (connectionsPerInstance < 1) {
            throw new IllegalStateException("cairn.gateway.connections-per-instance must be at least 1, not "
                    + connectionsPerInstance);
        }
        client = new UpstreamClient(ConfigValues.duration(config, "cairn.gateway.connect-timeout", Duration.ofSeconds(2)),
                connectionsPerInstance);
        Tracer tracer = Tracing.tracer();
        ProxyHandler proxy = new ProxyHandler(table, upstreams, tokens, limiter, new RetryBudget(0.2, 20), metrics,
                new GatewayView(table, upstreams, limiter, clock),
                ConfigValues.duration(config, "cairn.gateway.eject-for", Duration.ofSeconds(10)), client,
                new ResponseCache(redis, config.getOptionalValue("cairn.gateway.cache-prefix", String.class)
                        .orElse("cairn:gateway:cache:"), 256 * 1024, clock),
                new AccessLog(config.getOptionalValue("cairn.gateway.access-log", Boolean.class).orElse(true)), tracer);
        metrics.watch(upstreams.pools());
        gauges = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-gauges").factory());
        gauges.scheduleWithFixedDelay(() -> metrics.watch(upstreams.pools()), 5, 5, TimeUnit.SECONDS);

        HttpRouting.Builder routing = beans.getExtension(ServerCdiExtension.class).serverRoutingBuilder();
        routing.addFilter(new EdgeFilter(() -> table.get().corsOrigins(), tracer));
        routing.any(proxy);
        LOG.info(() -> "Gateway routes from " + table.origin() + ": " + table.get().routes().size() + " routes, "
                + table.get().pools().size() + " pools");
    }

    private CircuitBreaker breaker() {
        return new CircuitBreaker(
                config.getOptionalValue("cairn.gateway.breaker.window", Integer.class).orElse(20),
                config.getOptionalValue("cairn.gateway.breaker.minimum-calls", Integer.class).orElse(10),
                config.getOptionalValue("cairn.gateway.breaker.failure-rate", Double.class).orElse(0.5),
                ConfigValues.duration(config, "cairn.gateway.breaker.open-for", Duration.ofSeconds(5)),
                config.getOptionalValue("cairn.gateway.breaker.trial-calls", Integer.class).orElse(3),
                clock);
    }

    /** A placeholder of the route table: the environment variable, else the configuration property of that name. */
    private String lookup(String name) {
        String value = System.getenv(name);
        return value != null ? value : config.getOptionalValue(name, String.class).orElse(null);
    }

    /** The upstream pools (for the health check). */
    public Upstreams upstreams() {
        return upstreams;
    }

    @PreDestroy
    void close() {
        Optional.ofNullable(gauges).ifPresent(ScheduledExecutorService::shutdownNow);
        Optional.ofNullable(upstreams).ifPresent(Upstreams::close);
        Optional.ofNullable(client).ifPresent(UpstreamClient::close);
        Optional.ofNullable(table).ifPresent(RouteTableSource::close);
        Optional.ofNullable(redis).ifPresent(RedisClient::close);
    }
}
