package dev.cairn.commons.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads and writes every JSON body with Cairn's strict {@link Json} mapper (unknown fields rejected, ISO-8601
 * times, nulls left out). Jersey's own Jackson provider ignores a {@code ContextResolver<ObjectMapper>} once it has
 * a mapper of its own, so Cairn registers a reader and writer that take precedence for JSON media types; strings,
 * bytes and streams pass through untouched.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 100)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object>,
        ContextResolver<ObjectMapper> {

    /**
     * Request bodies are read like {@link Json#mapper()}, except that a number or a boolean sent for a text field is
     * an error (Jackson would turn {@code true} into {@code "true"}): a client's wrong type is a 400 naming the field.
     */
    private static final ObjectMapper REQUEST_BODIES = newRequestMapper();

    private static ObjectMapper newRequestMapper() {
        ObjectMapper mapper = Json.newMapper();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.mapper();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws java.io.IOException {
        JavaType javaType = REQUEST_BODIES.getTypeFactory().constructType(genericType == null ? type : genericType);
        try {
            return REQUEST_BODIES.readValue(body, javaType);
        } catch (java.io.IOException | RuntimeException e) {
            // A limit or a broken connection under the parser (e.g. a 413 while reading) is not a JSON error.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof jakarta.ws.rs.WebApplicationException webError) {
                    throw webError;
                }
            }
            throw e;
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream body) throws java.io.IOException {
        Json.mapper().writerFor(Json.mapper().getTypeFactory().constructType(genericType == null ? type : genericType))
                .writeValue(new NonClosingOutputStream(body), value);
    }

    private static boolean handles(Class<?> type) {
        return !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || StreamingOutput.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.json."));
    }

    /** Jackson closes the stream it writes to; the container owns it. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
