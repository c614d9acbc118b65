package io.fuseline.schemas.validation;

import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import java.util.Base64;

/**
 * The audit checkpoint round trip: a request names a record and its SHA-256 hash; the answer names the same, the
 * audit key's fingerprint, and carries one DER ECDSA signature (whether it verifies is the receiver's check, with the
 * key it trusts).
 */
final class CheckpointValidators {
    private CheckpointValidators() {}

    /** CheckpointRequested: a SHA-256 record hash. */
    static final MessageValidator<CheckpointRequested> REQUESTED = (m, check) ->
            check.sha256(m.recordHash(), "/recordHash");

    /** CheckpointSigned: SHA-256 hash and fingerprint, the one algorithm, a DER-shaped P-256 signature. */
    static final MessageValidator<CheckpointSigned> SIGNED = (m, check) -> {
        check.sha256(m.recordHash(), "/recordHash");
        check.sha256(m.publicKeyFingerprint(), "/publicKeyFingerprint");
        check.require(CheckpointStatement.ALGORITHM.equals(m.algorithm()), "/algorithm",
                "must be " + CheckpointStatement.ALGORITHM);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(m.signature());
        } catch (IllegalArgumentException e) {
            throw check.fail("/signature", "must be standard base64");
        }
        check.require(CheckpointStatement.isDerShaped(signature), "/signature",
                "must be one DER ECDSA P-256 signature (SEQUENCE, at most " + CheckpointStatement.MAX_SIGNATURE_BYTES
                        + " bytes)");
    };
}
