-- Signed checkpoints of the audit chain: a signature over the head (record sequence and its hash) by the audit key,
-- every N records or T seconds (docs/audit-export.md). Several instances may race to sign the same head: the key
-- makes the second insert a no-op.
CREATE TABLE audit_checkpoints (
    sequence    bigint PRIMARY KEY REFERENCES audit_log (sequence),
    record_hash char(64) NOT NULL,
    key_id      text NOT NULL,
    algorithm   text NOT NULL,
    -- base64 of the DER signature over "fuseline-audit-checkpoint/v1 <sequence> <record_hash>"
    signature   text NOT NULL,
    signed_at   timestamptz NOT NULL
);
