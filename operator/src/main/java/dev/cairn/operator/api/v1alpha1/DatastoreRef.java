package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** A datastore's address: the URL itself, or a Secret key holding it (for URLs with credentials). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.url) && has(self.secretRef))", message = "set either url or secretRef, not both")
public class DatastoreRef {

    @JsonPropertyDescription("The URL (or bootstrap list for Kafka).")
    private String url;

    @JsonPropertyDescription("A key of a Secret in the platform's namespace that holds the URL.")
    private SecretKeyRef secretRef;

    public DatastoreRef() {
    }

    public DatastoreRef(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public SecretKeyRef getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyRef secretRef) {
        this.secretRef = secretRef;
    }
}
