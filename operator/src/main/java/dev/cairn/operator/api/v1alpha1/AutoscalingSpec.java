package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Automatic scaling of one component. {@code rps} and {@code inflight} are scaled by the operator's own autoscaler
 * (docs/OPERATOR.md, "Autoscaling"); {@code cpu} by a generated autoscaling/v2 HorizontalPodAutoscaler.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.minReplicas <= self.maxReplicas", message = "minReplicas must not exceed maxReplicas")
@ValidationRule(value = "!self.enabled || has(self.target)", message = "target is required when autoscaling is enabled")
public class AutoscalingSpec {

    @Default("false")
    @JsonPropertyDescription("Whether the component is scaled automatically; replicas is then ignored.")
    private Boolean enabled = false;

    @Min(1)
    @Max(100)
    @Default("1")
    @JsonPropertyDescription("Fewest replicas.")
    private Integer minReplicas = 1;

    @Min(1)
    @Max(100)
    @Default("5")
    @JsonPropertyDescription("Most replicas.")
    private Integer maxReplicas = 5;

    @Default("rps")
    @JsonPropertyDescription("The per-pod metric kept at target: rps (requests per second), inflight (requests in "
            + "flight) or cpu (utilisation in percent of the CPU request, through a HorizontalPodAutoscaler).")
    private ScalingMetric metric = ScalingMetric.RPS;

    @Min(value = 0, inclusive = false)
    @JsonPropertyDescription("Target value of the metric per pod.")
    private Double target;

    @Min(0)
    @Max(3600)
    @Default("0")
    @JsonPropertyDescription("Scale up only to the lowest recommendation of this many past seconds (0: at once).")
    private Integer scaleUpStabilizationSeconds = 0;

    @Min(0)
    @Max(3600)
    @Default("300")
    @JsonPropertyDescription("Scale down only to the highest recommendation of this many past seconds.")
    private Integer scaleDownStabilizationSeconds = 300;

    @Min(value = 1, inclusive = false)
    @Max(100)
    @Default("2.0")
    @JsonPropertyDescription("Panic when the metric averaged over the panic window reaches this multiple of the "
            + "target: scale up at once and do not scale down while panicking.")
    private Double panicThreshold = 2.0;

    @Min(1)
    @Max(100)
    @Default("4")
    @JsonPropertyDescription("Most replicas added or removed by one scaling decision.")
    private Integer maxScaleStep = 4;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public ScalingMetric getMetric() {
        return metric;
    }

    public void setMetric(ScalingMetric metric) {
        this.metric = metric;
    }

    public Double getTarget() {
        return target;
    }

    public void setTarget(Double target) {
        this.target = target;
    }

    public Integer getScaleUpStabilizationSeconds() {
        return scaleUpStabilizationSeconds;
    }

    public void setScaleUpStabilizationSeconds(Integer scaleUpStabilizationSeconds) {
        this.scaleUpStabilizationSeconds = scaleUpStabilizationSeconds;
    }

    public Integer getScaleDownStabilizationSeconds() {
        return scaleDownStabilizationSeconds;
    }

    public void setScaleDownStabilizationSeconds(Integer scaleDownStabilizationSeconds) {
        this.scaleDownStabilizationSeconds = scaleDownStabilizationSeconds;
    }

    public Double getPanicThreshold() {
        return panicThreshold;
    }

    public void setPanicThreshold(Double panicThreshold) {
        this.panicThreshold = panicThreshold;
    }

    public Integer getMaxScaleStep() {
        return maxScaleStep;
    }

    public void setMaxScaleStep(Integer maxScaleStep) {
        this.maxScaleStep = maxScaleStep;
    }

    /** Whether the operator's own autoscaler (not a HorizontalPodAutoscaler) scales the component. */
    public boolean scaledByOperator() {
        return Boolean.TRUE.equals(enabled) && metric != ScalingMetric.CPU;
    }

    /** Whether a generated HorizontalPodAutoscaler scales the component. */
    public boolean scaledByHpa() {
        return Boolean.TRUE.equals(enabled) && metric == ScalingMetric.CPU;
    }
}
