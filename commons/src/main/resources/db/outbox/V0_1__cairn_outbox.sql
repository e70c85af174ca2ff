-- Transactional outbox (CONTRACT.md section 4): a service writes its events here in the same transaction as the
-- state change; the relay publishes unpublished rows in (created_at, id) order and marks them published.
CREATE TABLE cairn_outbox (
    id              UUID PRIMARY KEY,
    aggregate_type  VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(128) NOT NULL,
    sequence        BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    CONSTRAINT cairn_outbox_aggregate_sequence UNIQUE (aggregate_type, aggregate_id, sequence)
);

-- The relay's query: the oldest unpublished rows.
CREATE INDEX cairn_outbox_unpublished ON cairn_outbox (created_at, id) WHERE published_at IS NULL;
