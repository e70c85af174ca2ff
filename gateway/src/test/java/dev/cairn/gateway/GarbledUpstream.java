package dev.cairn.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 upstream that answers {@code /garbled...} requests with bytes that are not HTTP (then closes the
 * connection) while {@link #garble(int)} says so, and everything else (health checks included) with 200 {@code {"ok":true}}
 * on a kept-alive connection: a broken upstream connection, as a kept-alive connection that died can be.
 */
final class GarbledUpstream {

    private final ServerSocket server;
    private final AtomicInteger garbleNext = new AtomicInteger();
    private final AtomicInteger garbledRequests = new AtomicInteger();

    GarbledUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("garbled-upstream").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next {@code count} requests to {@code /garbled...} get garbage. */
    void garble(int count) {
        garbleNext.set(count);
        garbledRequests.set(0);
    }

    /** Requests to {@code /garbled...} received since {@link #garble(int)}. */
    int garbledRequests() {
        return garbledRequests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            String requestLine;
            while ((requestLine = in.readLine()) != null) {
                long length = 0;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Long.parseLong(header.substring(15).trim());
                    }
                }
                in.skip(length);
                if (requestLine.split(" ")[1].startsWith("/garbled")) {
                    garbledRequests.incrementAndGet();
                    if (garbleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        out.write("TTP/1.1 2\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        return;
                    }
                }
                String body = "{\"ok\":true}";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            // the gateway closed the connection
        }
    }
}
