-- The trace of the request that placed the order (W3C traceparent), so every saga step continues that trace:
-- one order is one trace, from the gateway to the last consumer of its events.
ALTER TABLE order_sagas ADD COLUMN traceparent TEXT;
