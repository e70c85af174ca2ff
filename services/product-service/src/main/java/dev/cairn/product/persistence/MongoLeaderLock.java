package dev.cairn.product.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.relay.LeaderLock;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * Leadership through a lease document in {@code cairn_leases}: the holder renews it; when the holder dies, the lease
 * expires after {@code ttl} and another instance takes it.
 */
public final class MongoLeaderLock implements LeaderLock {

    private final MongoDatabase database;
    private final String name;
    private final Duration ttl;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private Instant renewedAt = Instant.MIN;

    public MongoLeaderLock(MongoDatabase database, String name, Duration ttl, Clock clock) {
        this.database = database;
        this.name = name;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized boolean acquire() {
        Instant now = clock.instant();
        if (now.isBefore(renewedAt.plus(ttl.dividedBy(3)))) {
            return true;
        }
        try {
            Optional<Document> lease = await(Publishers.first(database.getCollection("cairn_leases").findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name),
                            Filters.or(Filters.lt("until", Date.from(now)), Filters.eq("owner", owner))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(now.plus(ttl)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))));
            boolean mine = lease.map(document -> owner.equals(document.getString("owner"))).orElse(false);
            renewedAt = mine ? now : Instant.MIN;
            return mine;
        } catch (RuntimeException heldByAnother) {
            // The upsert collided with the other holder's lease document: not ours.
            renewedAt = Instant.MIN;
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            await(Publishers.first(database.getCollection("cairn_leases")
                    .deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)))));
        } catch (RuntimeException ignored) {
            // the lease expires by itself
        }
        renewedAt = Instant.MIN;
    }
}
