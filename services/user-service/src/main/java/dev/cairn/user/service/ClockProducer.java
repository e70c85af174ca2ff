package dev.cairn.user.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The service's notion of "now"; tests replace it to move time without waiting. */
@ApplicationScoped
public class ClockProducer {

    /** UTC, ticking in microseconds: what PostgreSQL stores, so a value reads back exactly as it was written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
