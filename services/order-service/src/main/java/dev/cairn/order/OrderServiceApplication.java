package dev.cairn.order;

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
 * The order service JAX-RS application: event-sourced orders with a CQRS read model, the persisted order saga,
 * inventory and idempotent order placement. Started by {@code dev.cairn.commons.runtime.CairnMain} on port 8082.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Cairn order service", version = "1.0",
        description = "Orders, inventory and payments. Part of Cairn; call it through the gateway (http://127.0.0.1:8080).",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from the user service")
public class OrderServiceApplication extends Application {
}
