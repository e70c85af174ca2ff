package dev.cairn.order.saga;

import dev.cairn.commons.metrics.Meters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.tracing.Tracing;
import dev.cairn.order.client.ProductCatalog;
import dev.cairn.order.client.ProductSnapshot;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.domain.OrderStatus;
import dev.cairn.order.payment.PaymentProvider;
import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.PaymentStore;
import dev.cairn.order.persistence.SagaStore;
import dev.cairn.order.persistence.SagaStore.SagaState;
import dev.cairn.order.service.OrderWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orchestrated, persisted order saga: PRICE → RESERVE → PAY → CAPTURE → CONFIRM, or COMPENSATE on any failure
 * (see {@link SagaStep}). Each step's outcome is committed before the next step starts, so a process that dies
 * mid-saga leaves a row that says what was done; any instance takes the saga over when its lease expires and goes
 * on from there. Steps repeat safely: reservations and payments are idempotent per order.
 * <p>
 * Transient failures (product service or payment provider unavailable) are retried with back-off: pricing until
 * {@code cairn.orders.saga.pricing-deadline} (default 2 min) after the order was placed, payment steps
 * {@code cairn.orders.saga.payment-attempts} times (default 3); then the order is rejected with the reason. At most
 * {@code cairn.orders.saga.parallelism} sagas (default 4) run at once per instance.
 */
@ApplicationScoped
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class.getName());
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };

    private final SagaRecords records;
    private final OrderWriter writer;
    private final OrderWriter.Attempt orders;
    private final ProductCatalog prices;
    private final PaymentProvider payments;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final String owner = "saga-" + UUID.randomUUID();
    private final AtomicLong runs = new AtomicLong();
    private final Duration lease;
    private final Duration pricingDeadline;
    private final int paymentAttempts;
    private final Duration backoff;
    private final Duration pollInterval;
    private final Optional<SagaStep> haltAfter;
    /** With fault injection on: the orders placed on this instance, the only ones whose saga halts the process. */
    private final Set<UUID> placedHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-saga-poller").daemon().factory());

    @Inject
    public OrderSaga(SagaRecords records, OrderWriter writer, OrderWriter.Attempt orders, ProductCatalog prices,
                     PaymentProvider payments, Clock clock, Config config,
                     @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.records = records;
        this.writer = writer;
        this.orders = orders;
        this.prices = prices;
        this.payments = payments;
        this.clock = clock;
        this.metrics = metrics;
        this.lease = ConfigValues.duration(config, "cairn.orders.saga.lease", Duration.ofSeconds(30));
        this.pricingDeadline = ConfigValues.duration(config, "cairn.orders.saga.pricing-deadline", Duration.ofMinutes(2));
        this.paymentAttempts = config.getOptionalValue("cairn.orders.saga.payment-attempts", Integer.class).orElse(3);
        this.backoff = ConfigValues.duration(config, "cairn.orders.saga.retry-backoff", Duration.ofSeconds(1));
        this.pollInterval = ConfigValues.duration(config, "cairn.orders.saga.poll-interval", Duration.ofSeconds(1));
        // Bounded, so that sagas never take every database connection from the requests.
        this.workers = Executors.newFixedThreadPool(
                config.getOptionalValue("cairn.orders.saga.parallelism", Integer.class).orElse(4),
                Thread.ofVirtual().name("order-saga-", 0).factory());
        // Fault injection for the kill-and-resume test: the process halts right after committing this step of a saga
        // of an order placed on it (not of one another instance left behind in the shared database).
        this.haltAfter = config.getOptionalValue("cairn.orders.saga.halt-after", String.class).map(SagaStep::valueOf);
    }

    /** Starts polling for due sagas (including ones a dead instance left behind). */
    public void start() {
        long every = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs the saga of a just-placed order now, on a virtual thread. */
    public void kick(UUID orderId) {
        if (haltAfter.isPresent()) {
            placedHere.add(orderId);
        }
        workers.submit(() -> run(orderId));
    }

    private void pollSafely() {
        try {
            for (UUID orderId : records.due(clock.instant(), 20)) {
                workers.submit(() -> run(orderId));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Saga poll failed: " + e.getMessage());
        }
    }

    /**
     * Runs the saga as far as it goes now, if it can take the saga's lease. Each run claims under a runner id of its
     * own, so a run started by {@link #kick} and one started by the poller never work on one saga together.
     */
    void run(UUID orderId) {
        String runner = owner + "/" + runs.incrementAndGet();
        try {
            Optional<SagaState> state = records.claim(orderId, runner, lease, clock.instant());
            while (state.isPresent()) {
                SagaStep step = SagaStep.valueOf(state.get().state());
                long started = System.nanoTime();
                boolean advanced = executeInTrace(step, state.get(), runner);
                Meters.timer(metrics, "cairn_saga_step", new Tag("step", step.name().toLowerCase()))
                        .update(Duration.ofNanos(System.nanoTime() - started));
                if (haltAfter.isPresent() && haltAfter.get() == step && advanced && placedHere.contains(orderId)) {
                    LOG.severe("cairn.orders.saga.halt-after=" + step + ": halting the process (fault injection)");
                    Runtime.getRuntime().halt(137);
                }
                if (!advanced) {
                    return;
                }
                state = records.claim(orderId, runner, lease, clock.instant());
            }
        } catch (SagaStore.LeaseLostException e) {
            // Our lease ran out during the step and another runner has the saga now; the step was rolled back.
            LOG.info(e.getMessage() + "; leaving it to its new runner");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Saga of order " + orderId + " failed; it will be retried", e);
            records.retryLater(orderId, runner, message(e), clock.instant().plus(backoff), clock.instant());
        }
    }

    /**
     * Runs one step inside a span of the trace of the request that placed the order, so the step's calls (the
     * product service) and events (and their consumers) belong to that order's trace.
     */
    private boolean executeInTrace(SagaStep step, SagaState saga, String runner) {
        Span span = Tracing.tracer().spanBuilder("order-saga " + step.name().toLowerCase())
                .setParent(Tracing.parentOf(saga.traceparent()))
                .setAttribute("cairn.order_id", saga.orderId().toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return execute(step, saga, runner);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    /** Runs one step; returns whether the saga moved on (false: it waits for a retry). */
    private boolean execute(SagaStep step, SagaState saga, String runner) {
        UUID orderId = saga.orderId();
        Order order = orders.load(orderId.toString()).orElseThrow();
        if (order.status() == OrderStatus.CANCELLED && step != SagaStep.COMPENSATE) {
            records.advance(orderId, runner, SagaStep.COMPENSATE, null, "cancelled", clock.instant());
            return true;
        }
        return switch (step) {
            case PRICE -> price(order, saga, runner);
            case RESERVE -> reserve(order, saga, runner);
            case PAY -> pay(order, saga, runner);
            case CAPTURE -> capture(order, saga, runner);
            case CONFIRM -> confirm(order, saga, runner);
            case COMPENSATE -> compensate(order, saga, runner);
            case COMPLETED -> false;
        };
    }

    private boolean price(Order order, SagaState saga, String runner) {
        List<OrderLine> priced = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Optional<ProductSnapshot> product;
            try {
                product = prices.find(line.productId());
            } catch (RuntimeException unavailable) {
                if (clock.instant().isAfter(saga.startedAt().plus(pricingDeadline))) {
                    return fail(saga, runner, "the product catalog is unavailable (" + message(unavailable) + ")");
                }
                return retry(saga, runner, "product service: " + message(unavailable));
            }
            if (product.isEmpty() || product.get().price() == null) {
                return fail(saga, runner, "product " + line.productId() + " does not exist");
            }
            priced.add(line.priced(product.get().price().value(), product.get().price().currency()));
        }
        if (priced.stream().map(OrderLine::currency).distinct().count() > 1) {
            return fail(saga, runner, "the products are priced in different currencies");
        }
        records.advance(saga.orderId(), runner, SagaStep.RESERVE, Json.write(priced), null, clock.instant());
        return true;
    }

    private boolean reserve(Order order, SagaState saga, String runner) {
        try {
            records.reserve(saga.orderId(), runner, linesOf(saga), clock.instant());
            return true;
        } catch (InventoryStore.OutOfStockException e) {
            Meters.counter(metrics, "cairn_inventory_stockouts").inc();
            return fail(saga, runner, "insufficient stock for product " + e.productId());
        }
    }

    private boolean pay(Order order, SagaState saga, String runner) {
        List<OrderLine> lines = linesOf(saga);
        var total = SagaRecords.total(lines);
        String currency = lines.getFirst().currency();
        PaymentProvider.Authorization outcome;
        try {
            outcome = payments.authorize(saga.orderId(), total, currency, saga.paymentToken());
        } catch (PaymentProvider.ProviderUnavailableException e) {
            return saga.attempts() + 1 >= paymentAttempts
                    ? fail(saga, runner, "the payment provider is unavailable (" + e.getMessage() + ")")
                    : retry(saga, runner, e.getMessage());
        }
        switch (outcome) {
            case PaymentProvider.Authorization.Approved approved -> records.payment(saga.orderId(), runner,
                    approved.authorizationId(), total, currency, PaymentStore.Status.AUTHORIZED, null, SagaStep.CAPTURE,
                    clock.instant());
            case PaymentProvider.Authorization.Declined declined -> records.payment(saga.orderId(), runner, null, total,
                    currency, PaymentStore.Status.DECLINED, "payment declined: " + declined.reason(),
                    SagaStep.COMPENSATE, clock.instant());
        }
        return true;
    }

    private boolean capture(Order order, SagaState saga, String runner) {
        PaymentStore.Payment payment = records.paymentOf(saga.orderId()).orElseThrow();
        try {
            payments.capture(payment.authorizationId());
        } catch (PaymentProvider.ProviderUnavailableException e) {
            return saga.attempts() + 1 >= paymentAttempts
                    ? fail(saga, runner, "the payment could not be captured (" + e.getMessage() + ")")
                    : retry(saga, runner, e.getMessage());
        }
        records.payment(saga.orderId(), runner, payment.authorizationId(), payment.amount(), payment.currency(),
                PaymentStore.Status.CAPTURED, null, SagaStep.CONFIRM, clock.instant());
        return true;
    }

    private boolean confirm(Order order, SagaState saga, String runner) {
        if (order.status() == OrderStatus.CONFIRMED) {
            // Confirmed already (the step ran, its commit was not seen): nothing left to do.
            records.advance(saga.orderId(), runner, SagaStep.COMPLETED, null, null, clock.instant());
            return true;
        }
        if (order.status() != OrderStatus.PENDING) {
            return fail(saga, runner, "the order became " + order.status() + " before it could be confirmed");
        }
        PaymentStore.Payment payment = records.paymentOf(saga.orderId()).orElseThrow();
        List<OrderLine> lines = linesOf(saga);
        Order confirmed = writer.change(order.id(), "saga",
                current -> current.pay(lines, payment.authorizationId(), clock.instant()),
                (before, after) -> records.advance(saga.orderId(), runner, SagaStep.COMPLETED, null, null, clock.instant()));
        metrics.histogram("cairn_order_value").update(confirmed.total().movePointRight(2).longValue());
        return true;
    }

    private boolean compensate(Order order, SagaState saga, String runner) {
        Optional<PaymentStore.Payment> payment = records.paymentOf(saga.orderId());
        try {
            if (payment.isPresent() && payment.get().status() == PaymentStore.Status.CAPTURED) {
                payments.refund(payment.get().authorizationId());
                records.payment(saga.orderId(), runner, null, payment.get().amount(), payment.get().currency(),
                        PaymentStore.Status.REFUNDED, saga.lastError(), SagaStep.COMPENSATE, clock.instant());
            } else if (payment.isPresent() && payment.get().status() == PaymentStore.Status.AUTHORIZED) {
                payments.voidAuthorization(payment.get().authorizationId());
                records.payment(saga.orderId(), runner, null, payment.get().amount(), payment.get().currency(),
                        PaymentStore.Status.VOIDED, saga.lastError(), SagaStep.COMPENSATE, clock.instant());
            }
        } catch (PaymentProvider.ProviderUnavailableException e) {
            return retry(saga, runner, e.getMessage());
        }
        records.releaseStock(saga.orderId(), clock.instant());
        if (order.status() == OrderStatus.PENDING) {
            String reason = saga.lastError() == null ? "the order could not be completed" : saga.lastError();
            writer.change(order.id(), "saga", current -> current.reject(reason, clock.instant()),
                    (before, after) -> records.advance(saga.orderId(), runner, SagaStep.COMPLETED, null, null, clock.instant()));
        } else {
            records.advance(saga.orderId(), runner, SagaStep.COMPLETED, null, null, clock.instant());
        }
        return true;
    }

    private boolean fail(SagaState saga, String runner, String reason) {
        records.advance(saga.orderId(), runner, SagaStep.COMPENSATE, null, reason, clock.instant());
        return true;
    }

    private boolean retry(SagaState saga, String runner, String error) {
        Duration wait = backoff.multipliedBy(1L << Math.min(saga.attempts(), 5));
        records.retryLater(saga.orderId(), runner, error, clock.instant().plus(wait), clock.instant());
        return false;
    }

    private static List<OrderLine> linesOf(SagaState saga) {
        try {
            return Json.mapper().readValue(saga.prices(), LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Saga of " + saga.orderId() + " has unreadable prices", e);
        }
    }

    private static String message(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @PreDestroy
    void stop() {
        LOG.info("Stopping the saga poller of " + owner);
        poller.shutdownNow();
        workers.shutdownNow();
    }
}
