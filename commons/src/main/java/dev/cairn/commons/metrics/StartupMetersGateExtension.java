package dev.cairn.commons.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;

import static jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE;
import static jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

/**
 * Closes {@link Meters}' start-up gate when the application scope starts to initialise and opens it right after
 * Helidon's metrics extension registered the REST endpoint timers ({@code LIBRARY_BEFORE + 10}).
 */
public class StartupMetersGateExtension implements Extension {

    void starting(@Observes @Initialized(ApplicationScoped.class) @Priority(PLATFORM_BEFORE) Object event) {
        Meters.STARTUP.close();
    }

    void helidonMetersRegistered(@Observes @Initialized(ApplicationScoped.class) @Priority(LIBRARY_BEFORE + 11)
                                 Object event) {
        Meters.STARTUP.open();
    }
}
