package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.List;

/** The API gateway (port 8080): routes spec.services[].routePrefix to the services, checks tokens, limits rates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewaySpec {

    /** The gateway's port (CONTRACT.md section 2). */
    public static final int PORT = 8080;

    @JsonPropertyDescription("Container image. Empty: <imageRegistry>/cairn-gateway:<version>.")
    private String image;

    @Min(0)
    @Max(100)
    @Default("1")
    @JsonPropertyDescription("Replicas when autoscaling is off.")
    private Integer replicas = 1;

    @JsonPropertyDescription("Automatic scaling of the gateway.")
    private AutoscalingSpec autoscaling;

    @JsonPropertyDescription("The default rate-limit class of every generated route.")
    private RateLimitSpec rateLimit = new RateLimitSpec();

    @Default("round_robin")
    @JsonPropertyDescription("How the gateway spreads requests over a service's pods.")
    private LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;

    @JsonPropertyDescription("Browser origins allowed by CORS (\"*\" for any); empty: none.")
    private List<String> corsOrigins = new ArrayList<>();

    @Default("ClusterIP")
    @JsonPropertyDescription("Type of the gateway's Service (ClusterIP behind an Ingress, or LoadBalancer/NodePort).")
    private GatewayServiceType serviceType = GatewayServiceType.CLUSTER_IP;

    @JsonPropertyDescription("CPU and memory requests and limits of the gateway container.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Extra environment variables; they win over the ones the operator sets.")
    private List<EnvVar> env = new ArrayList<>();

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public AutoscalingSpec getAutoscaling() {
        return autoscaling;
    }

    public void setAutoscaling(AutoscalingSpec autoscaling) {
        this.autoscaling = autoscaling;
    }

    public RateLimitSpec getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimitSpec rateLimit) {
        this.rateLimit = rateLimit;
    }

    public LoadBalancing getLoadBalancing() {
        return loadBalancing;
    }

    public void setLoadBalancing(LoadBalancing loadBalancing) {
        this.loadBalancing = loadBalancing;
    }

    public List<String> getCorsOrigins() {
        return corsOrigins;
    }

    public void setCorsOrigins(List<String> corsOrigins) {
        this.corsOrigins = corsOrigins;
    }

    public GatewayServiceType getServiceType() {
        return serviceType;
    }

    public void setServiceType(GatewayServiceType serviceType) {
        this.serviceType = serviceType;
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
}
