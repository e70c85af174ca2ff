package dev.cairn.commons.problem;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.Config;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Request bodies larger than {@code cairn.http.max-body-size} (default 1 MiB, CONTRACT.md section 3) are refused with
 * a 413 problem: by {@code Content-Length} before anything is read, and for chunked bodies as soon as the limit is
 * passed while reading. (The web server's own {@code server.max-payload-size} is a higher backstop whose 413 has no
 * body.)
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 400)
public class BodySizeLimit extends ProblemMapperSupport implements ContainerRequestFilter, ReaderInterceptor {

    /** Default limit: 1 MiB. */
    public static final long DEFAULT_LIMIT = 1024 * 1024;

    private final long limit;

    @Inject
    public BodySizeLimit(Config config) {
        this.limit = config.getOptionalValue("cairn.http.max-body-size", Long.class).orElse(DEFAULT_LIMIT);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    request.abortWith(respond(tooLarge(), Map.of("Connection", "close")));
                }
            } catch (NumberFormatException e) {
                request.abortWith(respond(ProblemType.BAD_REQUEST.problem("Content-Length is not a number"), Map.of()));
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedInputStream(context.getInputStream(), limit));
        return context.proceed();
    }

    private Problem tooLarge() {
        return ProblemType.PAYLOAD_TOO_LARGE.problem("The request body is larger than " + limit + " bytes");
    }

    /** Counts what is read and fails with 413 once more than the limit was read. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
