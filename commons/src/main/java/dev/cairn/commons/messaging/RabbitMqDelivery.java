package dev.cairn.commons.messaging;

import dev.cairn.commons.relay.PendingEvent;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A message of the SmallRye RabbitMQ connector as a {@link Delivery}: failures go through {@link RetryThenDeadLetter}. */
record RabbitMqDelivery(Message<?> message, RetryThenDeadLetter failures) implements Delivery {

    @Override
    public byte[] body() {
        return MessagePayloads.bytes(message.getPayload());
    }

    @Override
    public Optional<String> traceparent() {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(metadata -> RetryThenDeadLetter.text(metadata.getHeaders().get(PendingEvent.TRACEPARENT_HEADER)));
    }

    @Override
    public CompletionStage<Void> ack() {
        return message.ack();
    }

    @Override
    public CompletionStage<Void> retry(Throwable error) {
        return failures.failed(message, error);
    }

    @Override
    public CompletionStage<Void> deadLetter(String reason) {
        return failures.deadLetter(message, reason);
    }
}
