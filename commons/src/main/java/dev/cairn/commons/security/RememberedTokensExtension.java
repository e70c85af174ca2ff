package dev.cairn.commons.security;

import io.helidon.config.Config;
import io.helidon.microprofile.cdi.RuntimeStart;
import io.helidon.microprofile.jwt.auth.JwtAuthProvider;
import io.helidon.microprofile.security.SecurityCdiExtension;
import io.helidon.microprofile.server.JaxRsApplication;
import io.helidon.microprofile.server.JaxRsCdiExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import static jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

/**
 * Installs {@link RememberingJwtAuthProvider} as the application's MP-JWT provider, under the name Helidon's own
 * extension uses ({@value #PROVIDER_NAME}), just before that extension would add the plain provider (it adds none
 * when one of that name exists). Only for applications with {@code @LoginConfig(authMethod = "MP-JWT")}, and not
 * when the token comes from another header or a cookie ({@code mp.jwt.token.header}) or a maximum token age is set
 * ({@code mp.jwt.verify.token.age}, which depends on the time of each request): then Helidon's provider works alone.
 */
public class RememberedTokensExtension implements Extension {

    static final String PROVIDER_NAME = "mp-jwt-auth";
    private static final System.Logger LOG = System.getLogger(RememberedTokensExtension.class.getName());

    private Config config;
    private VerifiedTokens verified;

    void configured(@Observes @RuntimeStart Config config) {
        this.config = config;
    }

    void install(@Observes @Initialized(ApplicationScoped.class) @Priority(PLATFORM_BEFORE + 4) Object event,
                 BeanManager beans) {
        SecurityCdiExtension security = beans.getExtension(SecurityCdiExtension.class);
        if (config == null || security.securityBuilder().hasProvider(PROVIDER_NAME) || !usesMpJwt(beans)) {
            return;
        }
        org.eclipse.microprofile.config.Config mp = ConfigProvider.getConfig();
        Optional<String> header = mp.getOptionalValue("mp.jwt.token.header", String.class);
        if (header.filter(name -> !name.equalsIgnoreCase(RememberingJwtAuthProvider.AUTHORIZATION)).isPresent()
                || mp.getOptionalValue("mp.jwt.verify.token.age", Integer.class).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Verified tokens are not remembered: mp.jwt.token.header or "
                    + "mp.jwt.verify.token.age is set");
            return;
        }
        // Helidon's provider allows 5 s of clock skew unless told otherwise; a remembered token gets the same
        Duration skew = Duration.ofSeconds(mp.getOptionalValue("mp.jwt.verify.clock.skew", Integer.class).orElse(5));
        verified = new VerifiedTokens(skew, Clock.systemUTC());
        security.securityBuilder().addProvider(new RememberingJwtAuthProvider(JwtAuthProvider.create(config), verified),
                PROVIDER_NAME);
    }

    /** The tokens remembered by the installed provider; empty when it was not installed. */
    public Optional<VerifiedTokens> verifiedTokens() {
        return Optional.ofNullable(verified);
    }

    /** Whether an application to run asks for MP-JWT (the same test as Helidon's extension). */
    private static boolean usesMpJwt(BeanManager beans) {
        return beans.getExtension(JaxRsCdiExtension.class).applicationsToRun().stream()
                .map(JaxRsApplication::applicationClass)
                .flatMap(Optional::stream)
                .map(application -> application.getAnnotation(LoginConfig.class))
                .filter(Objects::nonNull)
                .anyMatch(RememberingJwtAuthProvider::isMpJwt);
    }
}
