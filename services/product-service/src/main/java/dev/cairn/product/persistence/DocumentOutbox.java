package dev.cairn.product.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.relay.OutboxSource;
import dev.cairn.commons.relay.PendingEvent;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * The events waiting in the {@code outbox} arrays of products and reviews (docs/EVENTS.md), as a relay source: each
 * document's events in sequence order; publishing pulls them out of their document.
 */
public final class DocumentOutbox implements OutboxSource {

    private static final List<String> COLLECTIONS = List.of("products", "reviews");

    private final MongoDatabase database;

    public DocumentOutbox(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public List<PendingEvent> next(int max) {
        List<PendingEvent> events = new ArrayList<>();
        for (String collection : COLLECTIONS) {
            if (events.size() >= max) {
                break;
            }
            List<Document> documents = await(Publishers.list(database.getCollection(collection)
                    .find(Filters.exists("outbox.0"))
                    .projection(Projections.include(ProductDocuments.OUTBOX))
                    .limit(max - events.size())));
            for (Document document : documents) {
                document.getList(ProductDocuments.OUTBOX, Document.class).stream()
                        .sorted(Comparator.comparingLong(entry -> ((Number) entry.get("sequence")).longValue()))
                        .forEach(entry -> events.add(new PendingEvent(entry.getString("id"), document.get("_id").toString(),
                                ((Number) entry.get("sequence")).longValue(), entry.getString("type"),
                                entry.getString("payload"), collection + "/" + document.get("_id"))));
            }
        }
        return events;
    }

    @Override
    public long backlog() {
        long waiting = 0;
        for (String collection : COLLECTIONS) {
            List<Document> documents = await(Publishers.list(database.getCollection(collection)
                    .find(Filters.exists("outbox.0"))
                    .projection(Projections.include(ProductDocuments.OUTBOX))));
            for (Document document : documents) {
                waiting += document.getList(ProductDocuments.OUTBOX, Document.class).size();
            }
        }
        return waiting;
    }

    @Override
    public void published(List<PendingEvent> events) {
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        events.forEach(event -> byDocument.computeIfAbsent(event.position(), key -> new ArrayList<>()).add(event.id()));
        byDocument.forEach((position, ids) -> {
            String[] parts = position.split("/", 2);
            await(Publishers.first(database.getCollection(parts[0]).updateOne(Filters.eq("_id", parts[1]),
                    Updates.pull(ProductDocuments.OUTBOX, Filters.in("id", ids)))));
        });
    }
}
