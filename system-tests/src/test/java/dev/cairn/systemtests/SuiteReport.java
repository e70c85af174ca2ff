package dev.cairn.systemtests;

import dev.cairn.launcher.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a suite did, in numbers: counts and timings per step, written to
 * {@code system-tests/target/system-test-reports/<suite>.txt} after every test (so a failing run leaves it too) and
 * printed as one summary line.
 */
final class SuiteReport {

    private final String suite;
    private final Instant started = Instant.now();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, String> facts = new ConcurrentHashMap<>();
    private final Map<String, Duration> timings = new ConcurrentHashMap<>();

    SuiteReport(String suite) {
        this.suite = suite;
    }

    void count(String what, long n) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    void increment(String what) {
        count(what, 1);
    }

    long count(String what) {
        AtomicLong value = counts.get(what);
        return value == null ? 0 : value.get();
    }

    void fact(String what, Object value) {
        facts.put(what, String.valueOf(value));
    }

    void timing(String step, Duration duration) {
        timings.put(step, duration);
    }

    /** Runs a step and records how long it took. */
    <T> T timed(String step, ThrowingSupplier<T> body) throws Exception {
        Instant begin = Instant.now();
        try {
            return body.get();
        } finally {
            timing(step, Duration.between(begin, Instant.now()));
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** Writes the report file and prints the summary line. */
    void write() {
        StringBuilder text = new StringBuilder(suite).append('\n');
        Duration total = Duration.between(started, Instant.now());
        text.append(String.format("wall time: %.1f s%n", total.toMillis() / 1000.0));
        new TreeMap<>(timings).forEach((step, d) -> text.append(String.format("time  %-45s %8.1f s%n", step, d.toMillis() / 1000.0)));
        new TreeMap<>(counts).forEach((what, n) -> text.append(String.format("count %-45s %8d%n", what, n.get())));
        new TreeMap<>(facts).forEach((what, value) -> text.append(String.format("fact  %-45s %s%n", what, value)));
        try {
            Path dir = Project.root().resolve("system-tests/target/system-test-reports");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(suite + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder summary = new StringBuilder(String.format("[system-tests] %s: %.1f s", suite, total.toMillis() / 1000.0));
        new TreeMap<>(counts).forEach((what, n) -> summary.append(", ").append(what).append('=').append(n.get()));
        System.out.println(summary);
    }
}
