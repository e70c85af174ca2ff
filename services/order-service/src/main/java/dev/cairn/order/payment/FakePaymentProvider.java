package dev.cairn.order.payment;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in payment provider for development and tests (CONTRACT.md section 3). It decides by token:
 * {@code tok_ok} approves, {@code tok_declined} declines, {@code tok_slow} approves after 3 seconds, {@code tok_error}
 * fails like a provider returning 5xx; any other token is declined as unknown. Authorisation ids are derived from the
 * order id, so repeated calls for one order are idempotent, as a real provider's idempotency keys make them.
 */
@ApplicationScoped
public class FakePaymentProvider implements PaymentProvider {

    static final long SLOW_NANOS = 3_000_000_000L;

    @Override
    public Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken) {
        return switch (paymentToken) {
            case "tok_ok" -> new Authorization.Approved("auth_" + orderId);
            case "tok_slow" -> {
                LockSupport.parkNanos(SLOW_NANOS);
                yield new Authorization.Approved("auth_" + orderId);
            }
            case "tok_declined" -> new Authorization.Declined("the card was declined");
            case "tok_error" -> throw new ProviderUnavailableException("payment provider answered 502 Bad Gateway");
            default -> new Authorization.Declined("unknown payment token");
        };
    }

    @Override
    public void capture(String authorizationId) {
        // Nothing to do: an approved authorisation of the fake provider can always be captured.
    }

    @Override
    public void voidAuthorization(String authorizationId) {
        // Nothing is held by the fake provider.
    }

    @Override
    public void refund(String authorizationId) {
        // Nothing was taken by the fake provider.
    }
}
