package dev.cairn.gateway.upstream;

import dev.cairn.gateway.routing.PoolSpec;
import dev.cairn.gateway.routing.RouteTable;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The upstream pools of the current route table, kept up to date: every {@code healthInterval} each instance's
 * health path is asked, all instances at once (2xx = healthy; 2 s timeout), DNS pools are resolved again, and after a reload the pools are
 * rebuilt while instances and breakers that stay keep their state.
 */
public final class Upstreams implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Upstreams.class.getName());

    private final Supplier<RouteTable> table;
    private final Clock clock;
    private final Supplier<CircuitBreaker> breakers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, UpstreamPool> pools = new ConcurrentHashMap<>();
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> poolBreakers = new ConcurrentHashMap<>();
    private final ExecutorService checkers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gateway-health").factory());
    private volatile RouteTable built;

    /**
     * @param table    the current route table (read on every refresh)
     * @param breakers makes the breaker of a new pool
     */
    public Upstreams(Supplier<RouteTable> table, Clock clock, Supplier<CircuitBreaker> breakers) {
        this.table = table;
        this.clock = clock;
        this.breakers = breakers;
        rebuild();
    }

    /** Starts the active health checks (every 500 ms the pools whose interval is due are checked). */
    public Upstreams start() {
        checks.scheduleWithFixedDelay(this::refresh, 0, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    public Optional<UpstreamPool> pool(String name) {
        if (built != table.get()) {
            rebuild();
        }
        return Optional.ofNullable(pools.get(name));
    }

    public Collection<UpstreamPool> pools() {
        if (built != table.get()) {
            rebuild();
        }
        return pools.values();
    }

    private final Map<String, Long> lastChecked = new ConcurrentHashMap<>();

    private void refresh() {
        try {
            for (UpstreamPool pool : pools()) {
                long now = clock.millis();
                long due = lastChecked.getOrDefault(pool.name(), 0L) + pool.spec().healthEvery().toMillis();
                if (now < due) {
                    continue;
                }
                lastChecked.put(pool.name(), now);
                if (pool.spec().dns() && !resolve(pool.spec()).equals(pool.instances().stream().map(Instance::url).toList())) {
                    rebuild();
                }
                pool.instances().forEach(instance -> checkers.submit(() -> check(pool, instance)));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Upstream refresh failed: " + e.getMessage());
        }
    }

    private void check(UpstreamPool pool, Instance instance) {
        boolean wasHealthy = instance.healthy();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(instance.url().resolve(pool.spec().healthPath()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() / 100 == 2;
            instance.checked(ok, ok ? "" : "health check answered " + response.statusCode());
        } catch (Exception e) {
            instance.checked(false, "health check failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (wasHealthy != instance.healthy()) {
            LOG.info(() -> pool.name() + " instance " + instance.url() + (instance.healthy() ? " is healthy again"
                    : " is unhealthy (" + instance.lastProblem() + ")"));
        }
    }

    private synchronized void rebuild() {
        RouteTable current = table.get();
        Map<String, UpstreamPool> next = new ConcurrentHashMap<>();
        for (PoolSpec spec : current.pools().values()) {
            List<Instance> members = new ArrayList<>();
            List<URI> urls = spec.dns() ? resolve(spec) : spec.instances().stream().map(PoolSpec.InstanceSpec::url).toList();
            for (int i = 0; i < urls.size(); i++) {
                URI url = urls.get(i);
                int weight = spec.dns() ? 1 : spec.instances().get(i).weight();
                String key = spec.name() + "|" + url + "|" + weight;
                members.add(instances.computeIfAbsent(key, ignored -> new Instance(url, weight)));
            }
            CircuitBreaker breaker = poolBreakers.computeIfAbsent(spec.name(), ignored -> breakers.get());
            next.put(spec.name(), new UpstreamPool(spec, members, breaker, clock));
        }
        pools.clear();
        pools.putAll(next);
        built = current;
    }

    /** Every address of each instance's host, as URLs with the same scheme, port and path. */
    private static List<URI> resolve(PoolSpec spec) {
        List<URI> urls = new ArrayList<>();
        for (PoolSpec.InstanceSpec instance : spec.instances()) {
            URI url = instance.url();
            try {
                for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                    String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
                    urls.add(URI.create(url.getScheme() + "://" + host
                            + (url.getPort() > 0 ? ":" + url.getPort() : "") + (url.getRawPath() == null ? "" : url.getRawPath())));
                }
            } catch (UnknownHostException e) {
                LOG.warning(() -> "Cannot resolve " + url.getHost() + " of pool " + spec.name() + ": " + e.getMessage());
            }
        }
        urls.sort(Comparator.comparing(URI::toString));
        return urls;
    }

    @Override
    public void close() {
        checks.shutdownNow();
        checkers.shutdownNow();
    }
}
