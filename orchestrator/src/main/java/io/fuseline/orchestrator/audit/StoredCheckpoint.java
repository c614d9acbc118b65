package io.fuseline.orchestrator.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed checkpoint as stored and exported: the signature
 * ({@link io.fuseline.schemas.checkpoint.CheckpointStatement}) over record
 * {@code sequence} whose hash is {@code recordHash}, by the key {@code keyId} (see {@link Pem#keyId}).
 */
public record StoredCheckpoint(long sequence, String recordHash, String keyId, String algorithm, byte[] signature,
                               Instant signedAt) {
    public StoredCheckpoint {
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedAt, "signedAt");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
