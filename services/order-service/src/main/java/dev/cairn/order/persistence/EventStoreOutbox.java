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
 * The event store as the relay's outbox: rows after the relay's last position, in position order, whose writing
 * transaction is older than every transaction still running (so a position that commits late is never skipped; see
 * docs/EVENTS.md). Each row is sent as a CloudEvent built from it; publishing advances the position.
 */
public final class EventStoreOutbox implements OutboxSource {

    private static final String SERVICE = "order-service";

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
             PreparedStatement count = connection.prepareStatement("select count(*) from event_store where position > "
                     + "coalesce((select last_position from event_relay_positions where relay = ?), 0)")) {
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
                     + "payload, metadata, occurred_at from event_store where position > coalesce((select last_position "
                     + "from event_relay_positions where relay = ?), 0) "
                     + "and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) order by position limit ?")) {
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
                            new String(codec.encode(event), StandardCharsets.UTF_8), Long.toString(rows.getLong(1)),
                            event.traceparent()));
                }
            }
        }
        return events;
    }

    @Override
    public void published(List<PendingEvent> events) throws Exception {
        long last = events.stream().mapToLong(event -> Long.parseLong(event.position())).max().orElseThrow();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into event_relay_positions (relay, last_position, "
                     + "updated_at) values (?, ?, now()) on conflict (relay) do update set last_position = "
                     + "greatest(event_relay_positions.last_position, excluded.last_position), updated_at = now()")) {
            upsert.setString(1, relay);
            upsert.setLong(2, last);
            upsert.executeUpdate();
        }
    }
}
