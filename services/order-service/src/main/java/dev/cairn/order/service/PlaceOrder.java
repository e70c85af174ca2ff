package dev.cairn.order.service;

import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.domain.ShippingAddress;

import java.util.List;

/**
 * A customer's new order, as the service receives it.
 *
 * @param userId         the customer ({@code sub})
 * @param lines          what to buy
 * @param paymentToken   the payment method's token
 * @param shipping       where to send it
 * @param idempotencyKey the client's {@code Idempotency-Key}
 * @param requestHash    SHA-256 of the request body, to detect a key reused for another order
 */
public record PlaceOrder(String userId, List<OrderLine> lines, String paymentToken, ShippingAddress shipping,
                         String idempotencyKey, String requestHash) {
}
