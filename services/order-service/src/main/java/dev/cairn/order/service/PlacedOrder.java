package dev.cairn.order.service;

import java.util.UUID;

/**
 * The answer to an order placement (the first one, or the remembered one for a repeated key).
 *
 * @param orderId the order
 * @param status  HTTP status of the answer (202)
 * @param body    the JSON body of the answer
 * @param replay  whether this repeats an earlier answer
 */
public record PlacedOrder(UUID orderId, int status, String body, boolean replay) {
}
