package dev.cairn.gateway.proxy;

import dev.cairn.commons.logging.LogField;
import dev.cairn.gateway.edge.RequestIdentity;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One structured line per proxied request on logger {@code dev.cairn.gateway.access}: method, path (without the query,
 * which may carry personal data), status, route, upstream pool, duration, client address, request id and trace id. No
 * headers, so no tokens. Switched off with {@code cairn.gateway.access-log=false} (or that logger's level).
 */
public final class AccessLog {

    private static final Logger LOG = Logger.getLogger("dev.cairn.gateway.access");

    private final boolean enabled;

    public AccessLog(boolean enabled) {
        this.enabled = enabled;
    }

    void record(String method, String path, int status, String route, String pool, Duration elapsed, String client,
                RequestIdentity identity) {
        if (!enabled || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        LOG.log(Level.INFO, method + " " + path + " " + status, new Object[] {
                LogField.of("method", method), LogField.of("path", path), LogField.of("status", status),
                LogField.of("route", route), LogField.of("upstream", pool == null ? "-" : pool),
                LogField.of("durationMs", Math.round(elapsed.toNanos() / 10_000.0) / 100.0), LogField.of("client", client),
                LogField.of("requestId", identity.requestId()), LogField.of("traceId", identity.traceId())});
    }
}
