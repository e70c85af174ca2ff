package dev.cairn.user;

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
 * The user service JAX-RS application: Cairn's identity provider and token issuer. It is started by
 * {@code dev.cairn.commons.runtime.CairnMain} on port 8081 and serves {@code /health/live}, {@code /health/ready},
 * {@code /metrics} and {@code /openapi}. Protected endpoints verify MP JWT bearer tokens against the service's own
 * keys.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Cairn user service", version = "1.0",
        description = "Accounts, tokens and roles. Part of Cairn; call it through the gateway (http://127.0.0.1:8080).",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from POST /api/v1/auth/login or POST /oauth2/token")
public class UserServiceApplication extends Application {
}
