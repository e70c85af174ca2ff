package dev.cairn.launcher.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * An in-process MongoDB-wire server (mongo-java-server, in memory) for local runs and tests. It lacks $text search
 * and transactions; Cairn code must also work on a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Starts one on {@code port} (0 = any free port) on the loopback interface. */
    public static EmbeddedMongo start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + address.getPort());
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
