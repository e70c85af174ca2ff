package dev.cairn.user.api;

import dev.cairn.user.security.AuthSettings;
import dev.cairn.user.security.KeyRing;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public keys (JWKS) and the OpenID Connect discovery document that other services configure from. */
@Path("/.well-known")
@PermitAll
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "discovery", description = "Keys and metadata for token verification")
public class WellKnownResource {

    private final KeyRing keys;
    private final AuthSettings settings;

    @Inject
    public WellKnownResource(KeyRing keys, AuthSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "The public keys that verify Cairn access tokens (RFC 7517)")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery metadata of the issuer")
    public Map<String, Object> openidConfiguration(@Context UriInfo uriInfo) {
        URI base = settings.publicUrl().orElse(uriInfo.getBaseUri());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", settings.issuer());
        document.put("jwks_uri", base.resolve("/.well-known/jwks.json").toString());
        document.put("token_endpoint", base.resolve("/oauth2/token").toString());
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("claims_supported", List.of("iss", "aud", "sub", "upn", "groups", "jti", "iat", "nbf", "exp"));
        return document;
    }
}
