package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/**
 * Tokens: the issuer every service checks, and the Secret with the RSA key the user service signs with. The
 * operator generates that Secret once when it does not exist and never replaces it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthSpec {

    public static final String DEFAULT_ISSUER = "https://cairn.local/auth";
    public static final String DEFAULT_KEY = "signing-key.pem";

    @Pattern("^https?://.+$")
    @Default(DEFAULT_ISSUER)
    @JsonPropertyDescription("The iss claim of every token (CAIRN_AUTH_ISSUER).")
    private String issuer = DEFAULT_ISSUER;

    @JsonPropertyDescription("Secret and key holding the PKCS#8 PEM signing key. Name empty: <platform>-auth-key; "
            + "key empty: signing-key.pem. Generated when the Secret is absent.")
    private SecretKeyRef keySecretRef;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public SecretKeyRef getKeySecretRef() {
        return keySecretRef;
    }

    public void setKeySecretRef(SecretKeyRef keySecretRef) {
        this.keySecretRef = keySecretRef;
    }
}
