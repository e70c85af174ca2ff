-- Events a consumer has applied: the effect and this row are written in one transaction, so a redelivered event is
-- recognised and skipped (at-least-once delivery, effectively once application).
CREATE TABLE processed_events (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
