package dev.cairn.order.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Current prices from the product service, guarded by MicroProfile Fault Tolerance: each call times out after 2 s,
 * is retried twice with jitter, at most 16 run at once, and a circuit breaker stops calling a failing product service
 * for 5 s. An unknown product is an answer, not a failure.
 */
@ApplicationScoped
public class ProductPrices {

    private final ProductServiceClient products;

    @Inject
    public ProductPrices(@RestClient ProductServiceClient products) {
        this.products = products;
    }

    /**
     * The product, or empty when the catalog does not have it.
     *
     * @throws RuntimeException (timeout, circuit open, bulkhead full, connection refused, 5xx) when the product
     *                          service cannot answer now
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 80, abortOn = NotFoundException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = NotFoundException.class)
    @Bulkhead(16)
    public Optional<ProductSnapshot> find(String productId) {
        try {
            return Optional.of(products.product(productId));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
