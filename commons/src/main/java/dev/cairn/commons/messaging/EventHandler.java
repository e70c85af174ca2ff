package dev.cairn.commons.messaging;

import dev.cairn.commons.events.CairnEvent;

/** Applies one event to a consumer's state; must be idempotent per event id (a crash may repeat it). */
@FunctionalInterface
public interface EventHandler {

    void apply(CairnEvent event) throws Exception;
}
