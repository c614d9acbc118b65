-- Exactly-once effect over at-least-once delivery: an event's id enters the inbox in the same transaction as its
-- effects, and commands leave through the outbox, which a relay publishes after commit.
CREATE TABLE inbox (
    source       text NOT NULL,
    event_id     text NOT NULL,
    type         text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);

CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    -- Publication order: a relay sends pending rows in this order.
    position     bigserial UNIQUE,
    topic        text NOT NULL,
    key          text NOT NULL,
    headers      jsonb NOT NULL,
    payload      bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (position) WHERE published_at IS NULL;
