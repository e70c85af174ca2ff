package dev.cairn.product.api;

import dev.cairn.commons.config.ConfigValues;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Lets shared caches (the gateway's response cache, a CDN) keep anonymous catalog reads for a short while:
 * a successful anonymous {@code GET} of {@code /api/v1|v2/products...} gets
 * {@code Cache-Control: public, max-age=N} ({@code cairn.products.http-max-age}, default 5 s; 0 turns it off);
 * an authenticated one {@code private, no-cache}.
 */
@Provider
public class CatalogCacheHeaders implements ContainerResponseFilter {

    private final long maxAgeSeconds;

    @Inject
    public CatalogCacheHeaders(Config config) {
        this.maxAgeSeconds = ConfigValues.duration(config, "cairn.products.http-max-age", Duration.ofSeconds(5)).toSeconds();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200
                || !(path.startsWith("api/v1/products") || path.startsWith("api/v2/products"))
                || response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        boolean anonymous = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, anonymous && maxAgeSeconds > 0
                ? "public, max-age=" + maxAgeSeconds : "private, no-cache");
    }
}
