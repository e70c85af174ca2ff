package dev.cairn.product.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.messaging.SequencePositions;
import org.bson.Document;

import java.util.Date;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * {@link SequencePositions} in collection {@code consumer_positions}: one document per consumer and aggregate
 * ({@code _id} {@code <consumer>|<aggregate>}), moved forward with {@code $max} so it never goes back.
 */
public final class MongoSequencePositions implements SequencePositions {

    private final MongoCollection<Document> positions;
    private final String consumer;

    public MongoSequencePositions(MongoDatabase database, String consumer) {
        this.positions = database.getCollection("consumer_positions");
        this.consumer = consumer;
    }

    @Override
    public long last(String aggregate) {
        return await(Publishers.first(positions.find(Filters.eq("_id", idOf(aggregate))).first()))
                .map(document -> ((Number) document.get("last")).longValue()).orElse(0L);
    }

    @Override
    public void advance(String aggregate, long sequence) {
        await(Publishers.first(positions.updateOne(Filters.eq("_id", idOf(aggregate)),
                Updates.combine(Updates.max("last", sequence), Updates.set("updatedAt", new Date())),
                new UpdateOptions().upsert(true))));
    }

    private String idOf(String aggregate) {
        return consumer + "|" + aggregate;
    }
}
