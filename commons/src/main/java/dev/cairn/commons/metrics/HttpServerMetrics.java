package dev.cairn.commons.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RED metrics of every JAX-RS request a service answers: {@code cairn_http_server_requests_total{method, route, status}}
 * and the latency histogram {@code cairn_http_server_request_seconds{method, route}}. {@code route} is the matched
 * resource template (e.g. {@code /api/v1/orders/{id}}), never the raw path, so its values are bounded; requests no
 * resource matched count under {@code route="unmatched"}.
 */
@Provider
@PreMatching
public class HttpServerMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = HttpServerMetrics.class.getName() + ".started";

    private final MetricRegistry metrics;

    @Inject
    public HttpServerMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String route = routeOf(request.getUriInfo());
        Meters.counter(metrics, "cairn_http_server_requests_total", new Tag("method", method), new Tag("route", route),
                new Tag("status", Integer.toString(response.getStatus()))).inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            Meters.timer(metrics, "cairn_http_server_request_seconds", new Tag("method", method), new Tag("route", route))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The resource template the request matched, outermost first, e.g. {@code /api/v1/orders/{id}/history}. */
    static String routeOf(UriInfo uri) {
        List<String> templates = new ArrayList<>(templatesOf(uri));
        if (templates.isEmpty()) {
            return "unmatched";
        }
        Collections.reverse(templates);
        StringBuilder route = new StringBuilder();
        for (String template : templates) {
            String part = template.startsWith("/") ? template : "/" + template;
            route.append(part.endsWith("/") && part.length() > 1 ? part.substring(0, part.length() - 1) : part);
        }
        String joined = route.toString().replaceAll("/+", "/");
        return joined.isEmpty() ? "/" : joined;
    }

    private static List<String> templatesOf(UriInfo uri) {
        if (uri instanceof ExtendedUriInfo extended) {
            return extended.getMatchedTemplates().stream().map(UriTemplate::getTemplate).toList();
        }
        return List.of();
    }
}
