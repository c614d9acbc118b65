-- The hash-chained audit log. canonical_json is what record_hash is the SHA-256 of; the other columns are
-- copies for searching, and AuditChainVerifier checks that they agree with it.
CREATE TABLE audit_log (
    sequence       bigint PRIMARY KEY CHECK (sequence >= 0),
    previous_hash  char(64) NOT NULL,
    record_hash    char(64) NOT NULL UNIQUE,
    actor          text NOT NULL,
    action         text NOT NULL,
    subject        text NOT NULL,
    payload        jsonb NOT NULL,
    time           timestamptz NOT NULL,
    canonical_json text NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, sequence);
CREATE INDEX audit_log_time ON audit_log (time);

-- The head of the chain, one row. Appenders lock it (SELECT ... FOR UPDATE) so that records of concurrent
-- transactions, from any number of instances, chain in commit order without gaps.
CREATE TABLE audit_head (
    id          smallint PRIMARY KEY CHECK (id = 1),
    sequence    bigint NOT NULL,
    record_hash char(64) NOT NULL
);
INSERT INTO audit_head (id, sequence, record_hash) VALUES (1, -1, repeat('0', 64));

-- Append-only against accidents: the chain is what detects intent (an owner can drop this trigger).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
