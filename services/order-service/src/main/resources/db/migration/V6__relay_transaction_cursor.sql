-- The relay's cursor becomes (transaction, position) and the relay reads in that order. With position alone, an
-- event could be skipped for good: a transaction that took its transaction id early (its first write) but its
-- position late commits, the relay publishes its higher position, and an older-positioned event of a transaction
-- that is still running commits afterwards below the cursor. Every transaction with an id below the snapshot's xmin
-- has ended, so (transaction, position) order never lets a later commit sort before what was published.
ALTER TABLE event_relay_positions ADD COLUMN last_transaction_id XID8 NOT NULL DEFAULT '0';

-- Existing cursors: start at the oldest transaction that still has an unpublished event (what follows it is sent
-- again where already sent: consumers are idempotent); with nothing unpublished, after the newest transaction.
UPDATE event_relay_positions r SET
    last_transaction_id = coalesce((SELECT min(e.transaction_id) FROM event_store e WHERE e.position > r.last_position),
                                   (SELECT max(e.transaction_id) FROM event_store e), '0'),
    last_position = CASE WHEN EXISTS (SELECT 1 FROM event_store e WHERE e.position > r.last_position) THEN 0
                         ELSE r.last_position END;

CREATE INDEX event_store_relay_order ON event_store (transaction_id, position);
