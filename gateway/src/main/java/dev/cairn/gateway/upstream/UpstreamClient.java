package dev.cairn.gateway.upstream;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's HTTP/1.1 client to upstream instances: Apache HttpClient 5 in its classic, blocking form, run on the
 * virtual thread of the request being proxied. Requests that may be repeated share kept-alive connections, pooled per
 * instance; any other request gets a connection of its own, because a kept-alive connection can turn out broken only
 * after a request went out on it, leaving no safe way to repeat it. The client adds, follows and retries nothing (no
 * redirects, retries, decompression, cookies, authentication, User-Agent): what is sent, retried or answered is the
 * proxy's decision. A pooled connection idle for over a second is checked before it is used again; one idle for
 * 30 s is closed. Read timeouts are kept by {@link ReadDeadlines}, not by socket timeouts.
 */
public final class UpstreamClient implements AutoCloseable {

    private static final TimeValue CHECK_WHEN_IDLE_FOR = TimeValue.ofSeconds(1);
    private static final TimeValue CLOSE_WHEN_IDLE_FOR = TimeValue.ofSeconds(30);

    private final PoolingHttpClientConnectionManager keptAlive;
    private final PoolingHttpClientConnectionManager single;
    private final CloseableHttpClient reusing;
    private final CloseableHttpClient fresh;
    private final Timeout connectTimeout;
    private final ReadDeadlines deadlines = new ReadDeadlines(Duration.ofMillis(50));

    /**
     * @param connectTimeout          how long a new connection may take, and how long a request may wait for a free
     *                                one when {@code connectionsPerInstance} are in use
     * @param connectionsPerInstance  the most connections open to one instance at a time
     */
    public UpstreamClient(Duration connectTimeout, int connectionsPerInstance) {
        if (connectionsPerInstance < 1) {
            throw new IllegalArgumentException("connectionsPerInstance must be at least 1, not " + connectionsPerInstance);
        }
        this.connectTimeout = Timeout.of(connectTimeout);
        keptAlive = connections(connectionsPerInstance);
        single = connections(connectionsPerInstance);
        reusing = client(keptAlive, true);
        fresh = client(single, false);
    }

    /**
     * Sends a request and returns as soon as the status line and headers are in; the body is read from the answer.
     *
     * @param instance     the instance's base URL (a path of its own is kept in front of {@code pathAndQuery})
     * @param pathAndQuery the request target as the client sent it, encoded as it was
     * @param headers      the header lines to send, in order (Host, Content-Length and Transfer-Encoding are set here)
     * @param body         the request body, empty for none
     * @param timeout      the longest wait for the answer to start, and between two reads of its body
     * @param repeatable   whether the request may be sent again (it then may go on a kept-alive connection)
     * @throws IOException when no answer came: no connection ({@link java.net.ConnectException},
     *                     {@link org.apache.hc.client5.http.ConnectTimeoutException}), none free in time
     *                     ({@link org.apache.hc.core5.http.ConnectionRequestTimeoutException}), no answer in time
     *                     ({@link java.net.SocketTimeoutException}) or a broken connection
     */
    public UpstreamResponse send(String method, URI instance, String pathAndQuery, List<Map.Entry<String, String>> headers,
                                 byte[] body, Duration timeout, boolean repeatable) throws IOException {
        String basePath = instance.getRawPath() == null ? "" : instance.getRawPath().replaceAll("/+$", "");
        CancellableRequest request = new CancellableRequest(method, HttpHost.create(instance), basePath + pathAndQuery);
        headers.forEach(header -> request.addHeader(header.getKey(), header.getValue()));
        if (!repeatable) {
            request.setHeader("Connection", "close");
        }
        if (body.length > 0) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        ReadDeadlines.Watch watch = deadlines.watch(timeout, request::cancel);
        ClassicHttpResponse response;
        try {
            response = (repeatable ? reusing : fresh).executeOpen(null, request, null);
        } catch (IOException | RuntimeException e) {
            watch.close();
            if (watch.expired()) {
                throw UpstreamResponse.timedOut(watch, e);
            }
            throw e;
        }
        watch.arrived();
        try {
            return new UpstreamResponse(response, watch);
        } catch (IOException | RuntimeException e) {
            watch.close();
            response.close();
            throw e;
        }
    }

    /** Connections to all instances: open, in use and idle (kept alive). */
    public PoolStats keptAliveConnections() {
        return keptAlive.getTotalStats();
    }

    @Override
    public void close() {
        deadlines.close();
        reusing.close(CloseMode.IMMEDIATE);
        fresh.close(CloseMode.IMMEDIATE);
    }

    private PoolingHttpClientConnectionManager connections(int perInstance) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnPerRoute(perInstance)
                .setMaxConnTotal(Integer.MAX_VALUE)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(Timeout.DISABLED).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(Timeout.DISABLED)
                        .setValidateAfterInactivity(CHECK_WHEN_IDLE_FOR)
                        .build())
                .build();
    }

    private CloseableHttpClient client(PoolingHttpClientConnectionManager connections, boolean keepAlive) {
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connectTimeout).build())
                .evictIdleConnections(CLOSE_WHEN_IDLE_FOR)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableDefaultUserAgent();
        if (!keepAlive) {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        return builder.build();
    }

    /**
     * A request the read deadlines can cancel while it waits: HttpClient hands it what to cancel (the connection lease,
     * then the connection), and cancelling closes the connection, which ends a blocked read.
     */
    private static final class CancellableRequest extends BasicClassicHttpRequest implements CancellableDependency {

        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<Cancellable> dependency = new AtomicReference<>();

        CancellableRequest(String method, HttpHost host, String path) {
            super(method, host, path);
        }

        @Override
        public void setDependency(Cancellable cancellable) {
            dependency.set(cancellable);
            if (cancelled.get()) {
                Optional.ofNullable(dependency.getAndSet(null)).ifPresent(Cancellable::cancel);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public boolean cancel() {
            if (!cancelled.compareAndSet(false, true)) {
                return false;
            }
            Optional.ofNullable(dependency.getAndSet(null)).ifPresent(Cancellable::cancel);
            return true;
        }
    }
}
