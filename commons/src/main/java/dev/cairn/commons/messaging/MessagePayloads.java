package dev.cairn.commons.messaging;

import java.nio.charset.StandardCharsets;

/** The bytes of a message payload, whatever type the connector delivered it as. */
public final class MessagePayloads {

    private MessagePayloads() {
    }

    public static byte[] bytes(Object payload) {
        return switch (payload) {
            case byte[] raw -> raw;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case io.vertx.core.buffer.Buffer buffer -> buffer.getBytes();
            case io.vertx.mutiny.core.buffer.Buffer buffer -> buffer.getBytes();
            default -> payload.toString().getBytes(StandardCharsets.UTF_8);
        };
    }
}
