package dev.cairn.launcher.infra;

import redis.embedded.RedisServer;

import java.io.IOException;

/** A Redis server run from the binaries packaged with embedded-redis, for machines without Redis. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis on {@code port}, bound to loopback, without persistence. */
    public static EmbeddedRedisServer start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("Could not start the embedded Redis on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
