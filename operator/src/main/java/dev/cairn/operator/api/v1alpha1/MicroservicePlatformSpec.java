package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.ArrayList;
import java.util.List;

/** The desired platform: which version of which images, which services, and what they connect to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MicroservicePlatformSpec {

    @Required
    @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
    @JsonPropertyDescription("Cairn version: the image tag of every component whose image is not set explicitly.")
    private String version;

    @Pattern("^$|^[a-z0-9]([-a-z0-9.:]*[a-z0-9])?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*$")
    @JsonPropertyDescription("Registry and organisation of the Cairn images (<imageRegistry>/cairn-<name>:<version>). "
            + "Empty: ghcr.io/cairn-dev.")
    private String imageRegistry;

    @Required
    @Size(min = 1, max = 32)
    @ValidationRule(value = "self.all(s, self.exists_one(t, t.name == s.name))",
            message = "service names must be unique")
    @ValidationRule(value = "self.all(s, !has(s.routePrefix) || self.exists_one(t, has(t.routePrefix) && t.routePrefix == s.routePrefix))",
            message = "routePrefix values must be unique")
    @JsonPropertyDescription("The services behind the gateway.")
    private List<ServiceSpec> services = new ArrayList<>();

    @JsonPropertyDescription("The API gateway, the platform's only public entry point.")
    private GatewaySpec gateway = new GatewaySpec();

    @JsonPropertyDescription("Where the services find PostgreSQL, MongoDB, Redis, RabbitMQ and Kafka.")
    private DatastoresSpec datastores = new DatastoresSpec();

    @JsonPropertyDescription("Token issuer and the signing key Secret.")
    private AuthSpec auth = new AuthSpec();

    @JsonPropertyDescription("Tracing, metrics and logging.")
    private ObservabilitySpec observability = new ObservabilitySpec();

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getImageRegistry() {
        return imageRegistry;
    }

    public void setImageRegistry(String imageRegistry) {
        this.imageRegistry = imageRegistry;
    }

    public List<ServiceSpec> getServices() {
        return services;
    }

    public void setServices(List<ServiceSpec> services) {
        this.services = services;
    }

    public GatewaySpec getGateway() {
        return gateway;
    }

    public void setGateway(GatewaySpec gateway) {
        this.gateway = gateway;
    }

    public DatastoresSpec getDatastores() {
        return datastores;
    }

    public void setDatastores(DatastoresSpec datastores) {
        this.datastores = datastores;
    }

    public AuthSpec getAuth() {
        return auth;
    }

    public void setAuth(AuthSpec auth) {
        this.auth = auth;
    }

    public ObservabilitySpec getObservability() {
        return observability;
    }

    public void setObservability(ObservabilitySpec observability) {
        this.observability = observability;
    }
}
