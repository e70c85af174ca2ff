package dev.cairn.commons.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One message as a consumer sees it, whichever client delivered it: its body and what can be done with it. */
public interface Delivery {

    /** The message body (structured CloudEvents JSON). */
    byte[] body();

    /** The {@code traceparent} header, when the message has one. */
    Optional<String> traceparent();

    /** Done with it: the broker may forget it. */
    CompletionStage<Void> ack();

    /** It failed: try again later (and dead-letter after the last attempt). */
    CompletionStage<Void> retry(Throwable error);

    /** It can never succeed: straight to the dead-letter queue with {@code reason}. */
    CompletionStage<Void> deadLetter(String reason);
}
