package io.fuseline.orchestrator.audit;

/**
 * Signs the head of the audit chain at once, so that anyone holding the public key can verify an export offline: the
 * local key of {@code fuseline.audit.checkpoint.signer=local}. (With {@code signer=vault} the vault's audit key signs,
 * asynchronously: a request on Kafka and an answer, see {@code io.fuseline.orchestrator.checkpoint.VaultCheckpoints}.)
 */
public interface CheckpointSigner {

    /** A signature over the head: the record {@code sequence} and its {@code recordHash}. */
    record Checkpoint(long sequence, String recordHash, String keyId, byte[] signature) {
    }

    /**
     * Signs the head. May block; callers run it off the event path.
     *
     * @throws IllegalStateException if signing fails (retriable: the next checkpoint covers it)
     */
    Checkpoint sign(long sequence, String recordHash);
}
