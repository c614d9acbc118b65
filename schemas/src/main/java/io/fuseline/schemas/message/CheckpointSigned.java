package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The vault's answer to a {@link CheckpointRequested}: {@code signature} (base64 of the DER signature, algorithm
 * {@code algorithm}, always {@code SHA256withECDSA}) over the checkpoint statement of {@code sequence} and
 * {@code recordHash}, made at {@code signedAt} with the vault's audit key {@code keyId} (its name in the vault), whose
 * public key has the SHA-256 fingerprint {@code publicKeyFingerprint} (of its SubjectPublicKeyInfo DER, lowercase hex).
 * The receiver verifies the signature with the audit public key it was given, never with one the message names.
 * Sent by hsm-signer to the orchestrator on {@code fuseline.hsm.results}, keyed by {@code line}.
 */
public record CheckpointSigned(String requestId, long sequence, String recordHash, String keyId,
                               String publicKeyFingerprint, String algorithm, String signature, Instant signedAt)
        implements FuselineMessage {
    public CheckpointSigned {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKeyFingerprint, "publicKeyFingerprint");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    /** About the whole line's audit chain, not a unit. */
    @Override
    public Optional<MacAddress> subjectMac() { return Optional.empty(); }
}
