package dev.cairn.order.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A payment provider as the order saga uses it. Every call is idempotent per order (the saga repeats calls after a
 * crash): authorising twice for one order gives the same authorisation.
 */
public interface PaymentProvider {

    /** The outcome of an authorisation. */
    sealed interface Authorization {
        /** Approved; the money is held. */
        record Approved(String authorizationId) implements Authorization {
        }

        /** The provider refused, for a reason to show the customer. */
        record Declined(String reason) implements Authorization {
        }
    }

    /**
     * Holds {@code amount} on the customer's payment method.
     *
     * @throws ProviderUnavailableException when the provider fails (5xx, timeout): try again later
     */
    Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken);

    /** Takes the held money. */
    void capture(String authorizationId);

    /** Releases held money that was not captured. */
    void voidAuthorization(String authorizationId);

    /** Pays captured money back. */
    void refund(String authorizationId);

    /** The provider could not answer; the call may succeed later. */
    class ProviderUnavailableException extends RuntimeException {
        public ProviderUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
