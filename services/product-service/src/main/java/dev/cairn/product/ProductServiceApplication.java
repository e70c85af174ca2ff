package dev.cairn.product;

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
 * The product service JAX-RS application: the catalog (MongoDB, cached in-process and in Redis), API v1 and v2,
 * and reviews. Started by {@code dev.cairn.commons.runtime.CairnMain} on port 8083; writes and reviews need a
 * bearer token from the user service.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Cairn product service", version = "2.0",
        description = "Catalog, search and reviews. Part of Cairn; call it through the gateway (http://127.0.0.1:8080).",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from the user service")
public class ProductServiceApplication extends Application {
}
