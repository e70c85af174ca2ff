package dev.cairn.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The API gateway JAX-RS application. It is started by {@code dev.cairn.commons.runtime.CairnMain} on port 8080 and
 * serves {@code /health/live}, {@code /health/ready}, {@code /metrics} and {@code /openapi}.
 */
@ApplicationScoped
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Cairn API gateway", version = "1.0",
        description = "Part of Cairn; call it through the gateway (http://127.0.0.1:8080).",
        license = @License(name = "Apache-2.0")))
public class GatewayApplication extends Application {
}
