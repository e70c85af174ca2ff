package dev.cairn.commons.security;

import io.helidon.microprofile.jwt.auth.JwtAuthProvider;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.EndpointConfig;
import io.helidon.security.OutboundSecurityResponse;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;
import io.helidon.security.spi.OutboundSecurityProvider;
import io.helidon.security.spi.ProviderConfig;
import org.eclipse.microprofile.auth.LoginConfig;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Helidon's MicroProfile JWT provider with a memory of verified tokens ({@link VerifiedTokens}): the first request
 * with a token goes through the provider (signature, issuer, audience, expiry, groups); later requests with the same
 * {@code Authorization} header get the subject it built, as long as the token has not expired. Everything else —
 * requests without the header, endpoints without {@code @LoginConfig(authMethod = "MP-JWT")}, failures, outbound
 * propagation — is the provider's own behaviour.
 */
public final class RememberingJwtAuthProvider implements AuthenticationProvider, OutboundSecurityProvider {

    static final String AUTHORIZATION = "Authorization";

    private final JwtAuthProvider provider;
    private final VerifiedTokens verified;

    public RememberingJwtAuthProvider(JwtAuthProvider provider, VerifiedTokens verified) {
        this.provider = provider;
        this.verified = verified;
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        Optional<String> header = authorization(request).filter(value -> usesMpJwt(request.endpointConfig()));
        if (header.isEmpty()) {
            return provider.authenticate(request);
        }
        Optional<Subject> known = verified.subjectOf(header.get());
        if (known.isPresent()) {
            return AuthenticationResponse.success(known.get());
        }
        AuthenticationResponse response = provider.authenticate(request);
        if (response.status() == SecurityResponse.SecurityStatus.SUCCESS && response.service().isEmpty()) {
            response.user().ifPresent(subject -> verified.remember(header.get(), subject));
        }
        return response;
    }

    /** The one {@code Authorization} header value of the request (headers are case-insensitive here). */
    private static Optional<String> authorization(ProviderRequest request) {
        List<String> values = request.env().headers().getOrDefault(AUTHORIZATION, List.of());
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    /** Whether the application asks for MP-JWT, as the provider itself checks before it authenticates. */
    private static boolean usesMpJwt(EndpointConfig endpoint) {
        return endpoint.securityLevels().getFirst()
                .filterAnnotations(LoginConfig.class, EndpointConfig.AnnotationScope.CLASS).stream()
                .anyMatch(RememberingJwtAuthProvider::isMpJwt);
    }

    /** Whether a {@code @LoginConfig} names MicroProfile JWT. */
    static boolean isMpJwt(LoginConfig login) {
        return "MP-JWT".equals(login.authMethod());
    }

    @Override
    public boolean isOutboundSupported(ProviderRequest request, SecurityEnvironment outboundEnv,
                                       EndpointConfig outboundConfig) {
        return provider.isOutboundSupported(request, outboundEnv, outboundConfig);
    }

    @Override
    public OutboundSecurityResponse outboundSecurity(ProviderRequest request, SecurityEnvironment outboundEnv,
                                                     EndpointConfig outboundConfig) {
        return provider.outboundSecurity(request, outboundEnv, outboundConfig);
    }

    @Override
    public Collection<Class<? extends Annotation>> supportedAnnotations() {
        return provider.supportedAnnotations();
    }

    @Override
    public Collection<String> supportedConfigKeys() {
        return provider.supportedConfigKeys();
    }

    @Override
    public Collection<Class<? extends ProviderConfig>> supportedCustomObjects() {
        return provider.supportedCustomObjects();
    }

    @Override
    public Collection<String> supportedAttributes() {
        return provider.supportedAttributes();
    }
}
