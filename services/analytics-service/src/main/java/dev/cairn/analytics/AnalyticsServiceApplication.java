package dev.cairn.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The analytics service JAX-RS application: consumes every domain event from Kafka {@code cairn.analytics}, keeps
 * sliding-window aggregates in Redis and serves {@code GET /api/v1/analytics/summary}. It is started by
 * {@code dev.cairn.commons.runtime.CairnMain} on port 8084.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Cairn analytics service", version = "1.0",
        description = "Sliding-window analytics of the platform's events. Part of Cairn; call it through the gateway "
                + "(http://127.0.0.1:8080).",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from the user service")
public class AnalyticsServiceApplication extends Application {
}
