package dev.cairn.order.service;

import dev.cairn.commons.problem.ProblemException;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderEvent;
import dev.cairn.order.persistence.EventStore;
import dev.cairn.order.persistence.OrderEventCodec;
import dev.cairn.order.persistence.OrderViewEntity;
import dev.cairn.order.persistence.OrderViews;
import dev.cairn.order.persistence.StoredEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuilds {@code orders_view} from the event store: replays every order and replaces the table in one transaction,
 * reporting how many rows differed from the live model (0 when projections never drifted). An event that cannot be
 * decoded (an unknown type, a payload that does not parse) or a history that does not replay refuses the rebuild with
 * a 409 problem that names the order, before the read model is touched.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** What a rebuild found: orders replayed, and rows that differed from (or were missing in) the live model. */
    public record Result(int orders, int differences) {
    }

    private final EventStore events;
    private final OrderViews views;

    @Inject
    public ReadModelRebuild(EventStore events, OrderViews views) {
        this.events = events;
        this.views = views;
    }

    @Transactional
    public Result rebuild() {
        Map<String, List<OrderEvent>> histories = new LinkedHashMap<>();
        for (StoredEventEntity stored : events.allOrderEvents()) {
            histories.computeIfAbsent(stored.aggregateId(), id -> new ArrayList<>()).add(decode(stored));
        }
        List<Order> orders = new ArrayList<>(histories.size());
        histories.forEach((id, history) -> orders.add(replay(id, history)));
        Map<String, String> live = new HashMap<>();
        views.all().forEach(row -> live.put(row.id().toString(), row.fingerprint()));
        views.clear();
        int differences = 0;
        for (Order order : orders) {
            views.project(order);
            String rebuilt = OrderViews.rowOf(order).fingerprint();
            if (!rebuilt.equals(live.remove(order.id()))) {
                differences++;
            }
        }
        Set<String> orphans = live.keySet().stream().collect(Collectors.toSet());
        return new Result(histories.size(), differences + orphans.size());
    }

    /** A history that does not replay (events out of order, missing fields) stops the rebuild as well. */
    private static Order replay(String orderId, List<OrderEvent> history) {
        try {
            return Order.replay(history);
        } catch (RuntimeException e) {
            throw ProblemException.conflict("The read model was left as it was: the events of order " + orderId
                    + " cannot be replayed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /** An event that cannot be read stops the rebuild before the read model is touched (409, naming the event). */
    private static OrderEvent decode(StoredEventEntity stored) {
        try {
            return OrderEventCodec.decode(stored.type(), stored.payload());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("The read model was left as it was: event " + stored.sequence() + " of order "
                    + stored.aggregateId() + " cannot be replayed (" + e.getMessage() + ")");
        }
    }
}
