package io.fuseline.orchestrator.audit;

/**
 * Signs the head of the audit chain with the vault's audit key (through hsm-signer), so that anyone holding the
 * public key can verify an export offline. Not implemented in this slice: checkpoints arrive with hsm-signer's
 * audit key.
 */
public interface CheckpointSigner {

    /** A signature over the head: the record {@code sequence} and its {@code recordHash}. */
    record Checkpoint(long sequence, String recordHash, String keyId, byte[] signature) {
    }

    /**
     * Signs the head. May block on the vault; callers run it off the event path.
     *
     * @throws IllegalStateException if the vault refuses or is unreachable (retriable: the next checkpoint covers it)
     */
    Checkpoint sign(long sequence, String recordHash);
}
