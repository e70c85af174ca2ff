package dev.cairn.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The current route table: from a file ({@code cairn.gateway.routes-file}, e.g. a mounted ConfigMap) or, without one,
 * the built-in {@code gateway-routes.yaml}. The file is read again every few seconds; a changed file that is valid
 * replaces the table without a restart, an invalid one is reported and the table in use stays.
 */
public final class RouteTableSource implements Supplier<RouteTable>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouteTableSource.class.getName());
    /** The built-in table on the classpath. */
    public static final String BUILT_IN = "gateway-routes.yaml";

    private final RouteTableLoader loader;
    private final Optional<Path> file;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gateway-routes").factory());
    private volatile RouteTable current;
    private volatile String currentText;
    private volatile Instant loadedAt;
    private volatile String lastError = "";
    private volatile long reloads;

    /**
     * Loads the table now.
     *
     * @throws RouteTableLoader.InvalidRouteTableException when it is invalid (the gateway does not start with one)
     */
    public RouteTableSource(RouteTableLoader loader, Optional<Path> file) {
        this.loader = loader;
        this.file = file;
        this.currentText = read();
        this.current = loader.parse(currentText);
        this.loadedAt = Instant.now();
    }

    /** Checks the file for changes every {@code seconds}. */
    public RouteTableSource watch(long seconds) {
        if (file.isPresent()) {
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, seconds, seconds, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public RouteTable get() {
        return current;
    }

    /** Where the table comes from. */
    public String origin() {
        return file.map(Path::toString).orElse("classpath:" + BUILT_IN);
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Why the newest file was not taken, or empty. */
    public String lastError() {
        return lastError;
    }

    public long reloads() {
        return reloads;
    }

    /** Reads the file and takes it when it changed and is valid; returns whether it was taken. */
    public synchronized boolean reloadIfChanged() {
        try {
            String text = read();
            if (text.equals(currentText)) {
                return false;
            }
            RouteTable table = loader.parse(text);
            current = table;
            currentText = text;
            loadedAt = Instant.now();
            lastError = "";
            reloads++;
            LOG.info(() -> "Route table reloaded from " + origin() + ": " + table.routes().size() + " routes, "
                    + table.pools().size() + " pools");
            return true;
        } catch (RuntimeException e) {
            if (!e.getMessage().equals(lastError)) {
                LOG.warning(() -> "Keeping the current route table: " + e.getMessage());
            }
            lastError = e.getMessage();
            return false;
        }
    }

    private String read() {
        try {
            if (file.isPresent()) {
                return Files.readString(file.get(), StandardCharsets.UTF_8);
            }
            try (InputStream in = RouteTableSource.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in " + BUILT_IN + " is missing from the gateway jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the route table " + origin() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
