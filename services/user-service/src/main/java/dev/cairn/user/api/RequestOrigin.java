package dev.cairn.user.api;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The client address of a request, for the audit log: the first {@code X-Forwarded-For} hop when the request came
 * through the gateway (which sets it), else the TCP peer. The service is only reachable through the gateway in a
 * deployment (see docs/SECURITY.md), so the header is trusted.
 */
final class RequestOrigin {

    private static final String REMOTE_HOST = "io.helidon.jaxrs.remote-host";
    private static final int MAX_LENGTH = 64;

    private RequestOrigin() {
    }

    static String ip(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",", 2)[0].trim();
            return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first;
        }
        Object peer = request.getProperty(REMOTE_HOST);
        return peer == null ? null : peer.toString();
    }
}
