-- Per-aggregate positions of the ordered consumers (docs/EVENTS.md, "Ordering"): the sequence of the last event of
-- each aggregate a consumer applied. An event is applied only when it is the next one; later ones wait.
CREATE TABLE cairn_consumer_positions (
    consumer      VARCHAR(128) NOT NULL,
    aggregate     VARCHAR(200) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, aggregate)
);
