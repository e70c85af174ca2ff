package dev.cairn.gateway.upstream;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An upstream's answer whose body is still to be read. {@link #release()} once the body was read to its end hands the
 * connection back for the next request; {@link #close()} without it (the client went away, a read failed or timed
 * out) closes the connection instead of reading the rest of a body nobody wants, which for an event stream would
 * never end. A read of the body that waits longer than the call's timeout fails with a
 * {@link SocketTimeoutException}.
 */
public final class UpstreamResponse implements AutoCloseable {

    private final ClassicHttpResponse response;
    private final ReadDeadlines.Watch watch;
    private final InputStream content;
    private final InputStream body;
    private boolean released;

    UpstreamResponse(ClassicHttpResponse response, ReadDeadlines.Watch watch) throws IOException {
        this.response = response;
        this.watch = watch;
        HttpEntity entity = response.getEntity();
        this.content = entity == null ? InputStream.nullInputStream() : entity.getContent();
        this.body = new WatchedInputStream(content);
    }

    /** What a call that waited too long throws, for the failure its cancellation caused. */
    static SocketTimeoutException timedOut(ReadDeadlines.Watch watch, Exception failure) {
        SocketTimeoutException timedOut = new SocketTimeoutException("the upstream sent nothing for "
                + watch.timeoutMillis() + " ms");
        timedOut.addSuppressed(failure);
        return timedOut;
    }

    public int status() {
        return response.getCode();
    }

    /** The header fields by name as the upstream spelled it first, each with its values in order. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Header header : response.getHeaders()) {
            String name = spelling.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), lower -> header.getName());
            headers.computeIfAbsent(name, ignored -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    /** The body as it arrives (empty when there is none). */
    public InputStream body() {
        return body;
    }

    /**
     * Reads what is left of the body (nothing, when it was read to its end) and hands the connection back to the pool.
     *
     * @throws UncheckedIOException when the rest of the body cannot be read: the connection is closed then
     */
    public void release() {
        try {
            EntityUtils.consume(response.getEntity());
            released = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watch.close();
        }
    }

    @Override
    public void close() {
        watch.close();
        try {
            if (!released && content instanceof EofSensorInputStream sensor) {
                sensor.abort();
            }
            response.close();
        } catch (IOException e) {
            // the connection is closed either way; there is nobody to tell
        }
    }

    /** The body, its reads watched by the call's read deadline. */
    private final class WatchedInputStream extends FilterInputStream {

        WatchedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            watch.waiting();
            try {
                return super.read();
            } catch (IOException e) {
                throw watch.expired() ? timedOut(watch, e) : e;
            } finally {
                watch.arrived();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            watch.waiting();
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw watch.expired() ? timedOut(watch, e) : e;
            } finally {
                watch.arrived();
            }
        }
    }
}
