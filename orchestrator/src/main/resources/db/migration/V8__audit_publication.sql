-- Audit records reach fuseline.audit from audit_log itself: a relay publishes the records after this cursor in
-- sequence order and moves the cursor in the same transaction. This replaces a second copy of every record in the
-- outbox (two thirds of its rows). Records queued there before this migration are still published from there, so
-- the cursor starts at the current head.
CREATE TABLE audit_publication (
    id                 smallint PRIMARY KEY CHECK (id = 1),
    published_sequence bigint NOT NULL
);
INSERT INTO audit_publication (id, published_sequence) SELECT 1, sequence FROM audit_head WHERE id = 1;
