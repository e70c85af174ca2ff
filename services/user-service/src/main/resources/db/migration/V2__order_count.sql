-- How many orders each user placed (from order.created), and the events the consumer applied.
ALTER TABLE users ADD COLUMN order_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE processed_events (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
