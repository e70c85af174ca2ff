package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.List;

/** One Cairn service (user, product, order, analytics, or one of your own) run behind the gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {

    @Required
    @Size(min = 1, max = 40)
    @Pattern("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$")
    @JsonPropertyDescription("Name of the service (a DNS label, at most 40 characters); objects are named "
            + "<platform>-<name>.")
    private String name;

    @JsonPropertyDescription("Container image. Empty: <imageRegistry>/cairn-<name>:<version>.")
    private String image;

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port the service listens on (SERVER_PORT); health, metrics and API share it.")
    private Integer port;

    @Size(max = 256)
    @Pattern("^/[A-Za-z0-9._~/-]*$")
    @JsonPropertyDescription("Path prefix the gateway routes to this service, e.g. /api/v1/orders. "
            + "Empty: not routed (reachable only from other services).")
    private String routePrefix;

    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Replicas when autoscaling is off.")
    private Integer replicas = 1;

    @JsonPropertyDescription("CPU and memory requests and limits of the container.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Extra environment variables; they win over the ones the operator sets.")
    private List<EnvVar> env = new ArrayList<>();

    @JsonPropertyDescription("Automatic scaling of this service.")
    private AutoscalingSpec autoscaling;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getRoutePrefix() {
        return routePrefix;
    }

    public void setRoutePrefix(String routePrefix) {
        this.routePrefix = routePrefix;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public AutoscalingSpec getAutoscaling() {
        return autoscaling;
    }

    public void setAutoscaling(AutoscalingSpec autoscaling) {
        this.autoscaling = autoscaling;
    }
}
