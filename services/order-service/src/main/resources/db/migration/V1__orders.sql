-- Order service: the event store (which is also the outbox), the orders read model, inventory with reservations,
-- payments, persisted sagas and idempotency keys.

-- One row per event. (aggregate_type, aggregate_id, sequence) is unique: appending at a version somebody else
-- already wrote fails, and the writer retries on the new state (optimistic concurrency).
CREATE TABLE event_store (
    position        BIGSERIAL PRIMARY KEY,
    id              UUID         NOT NULL UNIQUE,
    aggregate_type  VARCHAR(32)  NOT NULL,
    aggregate_id    VARCHAR(128) NOT NULL,
    sequence        BIGINT       NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    metadata        TEXT         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    -- The writing transaction: a relay reads only positions whose transactions are older than every running one,
    -- so a position committed late is never skipped (see docs/EVENTS.md).
    transaction_id  XID8         NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT event_store_aggregate_sequence UNIQUE (aggregate_type, aggregate_id, sequence)
);

-- How far each relay (RabbitMQ, Kafka) has published the event store.
CREATE TABLE event_relay_positions (
    relay         VARCHAR(64) PRIMARY KEY,
    last_position BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- The read model every GET uses; rebuilt from event_store by the admin command.
CREATE TABLE orders_view (
    id           UUID PRIMARY KEY,
    user_id      VARCHAR(128) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    items        TEXT         NOT NULL,
    total_amount NUMERIC(14, 2),
    currency     VARCHAR(3),
    reason       VARCHAR(500),
    shipping     TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX orders_view_by_user ON orders_view (user_id, created_at DESC, id DESC);
CREATE INDEX orders_view_by_status ON orders_view (status, created_at DESC, id DESC);
CREATE INDEX orders_view_newest ON orders_view (created_at DESC, id DESC);

CREATE TABLE inventory (
    product_id VARCHAR(128) PRIMARY KEY,
    available  INTEGER     NOT NULL CHECK (available >= 0),
    reserved   INTEGER     NOT NULL CHECK (reserved >= 0),
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL
);

-- Stock held for an order: RESERVED until shipped (COMMITTED) or compensated (RELEASED).
CREATE TABLE inventory_reservations (
    order_id   UUID         NOT NULL,
    product_id VARCHAR(128) NOT NULL,
    quantity   INTEGER      NOT NULL CHECK (quantity > 0),
    status     VARCHAR(16)  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- The order's payment as the payment provider reported it.
CREATE TABLE payments (
    order_id         UUID PRIMARY KEY,
    authorization_id VARCHAR(64),
    amount           NUMERIC(14, 2) NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    reason           VARCHAR(500),
    updated_at       TIMESTAMPTZ    NOT NULL
);

-- One saga per order: where it is, so any instance can resume it after a crash.
CREATE TABLE order_sagas (
    order_id        UUID PRIMARY KEY,
    state           VARCHAR(24)  NOT NULL,
    payment_token   VARCHAR(128) NOT NULL,
    prices          TEXT,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMPTZ,
    started_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_sagas_due ON order_sagas (next_attempt_at) WHERE state NOT IN ('COMPLETED');

CREATE TABLE idempotency_keys (
    user_id         VARCHAR(128) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INTEGER      NOT NULL,
    response_body   TEXT         NOT NULL,
    order_id        UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (created_at);
