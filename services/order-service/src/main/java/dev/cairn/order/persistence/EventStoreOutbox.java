package dev.cairn.order.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.relay.OutboxSource;
import dev.cairn.commons.relay.PendingEvent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The event store as the relay's outbox: rows after the relay's cursor in (writing transaction, position) order,
 * written by transactions older than every transaction still running. A transaction that commits later has a higher
 * id than all of those, so it always sorts after the cursor and is never skipped, however its positions interleave
 * with others' (see docs/EVENTS.md). Each row is sent as a CloudEvent built from it; publishing advances the cursor.
 * Events of one aggregate may leave in another order than their sequence; consumers order them by sequence.
 */
public final class EventStoreOutbox implements OutboxSource {

    private static final String SERVICE = "order-service";
    /** Rows after the relay's cursor (the relay's name is the statement's first parameter). */
    private static final String AFTER_CURSOR = "(transaction_id, position) > coalesce((select (last_transaction_id, "
            + "last_position) from event_relay_positions where relay = ?), ('0'::xid8, 0::bigint))";

    private final DataSource dataSource;
    private final String relay;
    private final EventCodec codec = new EventCodec();

    /** @param relay the name the position is kept under in {@code event_relay_positions} */
    public EventStoreOutbox(DataSource dataSource, String relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    @Override
    public long backlog() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from event_store where "
                     + AFTER_CURSOR)) {
            count.setString(1, relay);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public List<PendingEvent> next(int max) throws Exception {
        List<PendingEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select position, id, aggregate_id, sequence, type, "
                     + "payload, metadata, occurred_at, transaction_id::text from event_store where " + AFTER_CURSOR
                     + " and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) "
                     + "order by transaction_id, position limit ?")) {
            select.setString(1, relay);
            select.setInt(2, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JsonNode metadata = Json.mapper().readTree(rows.getString(7));
                    CairnEvent event = new CairnEvent(rows.getString(2), rows.getString(5), CairnEvent.sourceOf(SERVICE),
                            rows.getString(3), rows.getObject(8, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            CairnEvent.JSON, Json.mapper().readTree(rows.getString(6)),
                            metadata.hasNonNull("traceparent") ? metadata.get("traceparent").asText() : null,
                            rows.getLong(4), "1");
                    events.add(new PendingEvent(event.id(), event.subject(), event.sequence(), event.type(),
                            new String(codec.encode(event), StandardCharsets.UTF_8),
                            rows.getString(9) + "/" + rows.getLong(1), event.traceparent()));
                }
            }
        }
        return events;
    }

    /** Moves the cursor to the last event of the batch (the batch is in cursor order), never back. */
    @Override
    public void published(List<PendingEvent> events) throws Exception {
        String[] last = events.getLast().position().split("/", 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into event_relay_positions (relay, "
                     + "last_transaction_id, last_position, updated_at) values (?, ?::xid8, ?, now()) on conflict (relay) "
                     + "do update set last_transaction_id = excluded.last_transaction_id, last_position = "
                     + "excluded.last_position, updated_at = now() where (event_relay_positions.last_transaction_id, "
                     + "event_relay_positions.last_position) < (excluded.last_transaction_id, excluded.last_position)")) {
            upsert.setString(1, relay);
            upsert.setString(2, last[0]);
            upsert.setLong(3, Long.parseLong(last[1]));
            upsert.executeUpdate();
        }
    }
}
