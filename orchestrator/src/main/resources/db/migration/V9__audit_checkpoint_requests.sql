-- Checkpoint requests to the vault (fuseline.audit.checkpoint.signer=vault, docs/audit-export.md): a row is written in
-- the same transaction as the outbox row that carries the CheckpointRequested to hsm-signer; the vault's
-- CheckpointSigned is stored in audit_checkpoints only if it answers a row of this table, for the same record and
-- hash. A request left unanswered past fuseline.audit.checkpoint.request-timeout is marked abandoned (and logged);
-- a late answer to it is still accepted.
CREATE TABLE audit_checkpoint_requests (
    request_id   text PRIMARY KEY,
    sequence     bigint NOT NULL REFERENCES audit_log (sequence),
    record_hash  char(64) NOT NULL,
    requested_at timestamptz NOT NULL,
    answered_at  timestamptz,
    abandoned_at timestamptz
);
CREATE INDEX audit_checkpoint_requests_open ON audit_checkpoint_requests (requested_at)
    WHERE answered_at IS NULL AND abandoned_at IS NULL;
