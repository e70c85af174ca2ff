package dev.cairn.commons.runtime;

import dev.cairn.commons.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;

/**
 * The services' notion of "now": UTC, ticking at the precision of the service's datastore
 * ({@code cairn.clock.tick}: 1 µs by default, PostgreSQL's; the product service uses 1 ms, MongoDB's), so a time
 * reads back exactly as it was written. Tests replace the bean to move time without waiting.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(Config config) {
        Duration tick = ConfigValues.duration(config, "cairn.clock.tick", Duration.ofNanos(1_000));
        return tick.isZero() ? Clock.systemUTC() : Clock.tick(Clock.systemUTC(), tick);
    }
}
