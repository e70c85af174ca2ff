package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** A token bucket per subject (user, else client address) and route: refill rate and size. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateLimitSpec {

    @Min(1)
    @Max(1000000)
    @Default("50")
    @JsonPropertyDescription("Tokens added per second.")
    private Integer requestsPerSecond = 50;

    @Min(1)
    @Max(1000000)
    @Default("100")
    @JsonPropertyDescription("Bucket size: requests allowed at once after a quiet period.")
    private Integer burst = 100;

    public Integer getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(Integer requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public Integer getBurst() {
        return burst;
    }

    public void setBurst(Integer burst) {
        this.burst = burst;
    }
}
