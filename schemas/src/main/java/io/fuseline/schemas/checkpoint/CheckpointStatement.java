package io.fuseline.schemas.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.regex.Pattern;

/**
 * What an audit checkpoint signature covers: the UTF-8 bytes of
 * {@code fuseline-audit-checkpoint/v1 <sequence> <recordHash>} (decimal sequence, lowercase hex hash, single spaces),
 * signed with ECDSA over SHA-256 on P-256 (DER signature). Signing the head's hash signs every record up to it: each
 * record's hash covers its predecessor's.
 *
 * <p>Shared by everyone who makes or checks a checkpoint: the orchestrator (its chain, its exports and their offline
 * verification) and hsm-signer, which builds the statement itself from a request's sequence and hash, so that the
 * vault's audit key only ever signs statements of this form. Plain JCA, stateless, thread-safe.
 */
public final class CheckpointStatement {
    /** The JCA name of the signature algorithm, as written in exports and in {@code CheckpointSigned}. */
    public static final String ALGORITHM = "SHA256withECDSA";
    /** The statement's first word: its format and version. */
    public static final String PREFIX = "fuseline-audit-checkpoint/v1";
    /** Longest DER ECDSA P-256 signature: SEQUENCE of two INTEGERs of at most 33 bytes each. */
    public static final int MAX_SIGNATURE_BYTES = 72;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private CheckpointStatement() {
    }

    /**
     * The statement's bytes.
     *
     * @throws IllegalArgumentException for a negative sequence or a hash that is not 64 lowercase hex digits: no
     *                                  statement is ever made of them
     */
    public static byte[] bytes(long sequence, String recordHash) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a checkpoint covers a record sequence >= 0, got " + sequence);
        }
        if (recordHash == null || !SHA256_HEX.matcher(recordHash).matches()) {
            throw new IllegalArgumentException("a checkpoint covers a SHA-256 record hash of 64 lowercase hex digits");
        }
        return (PREFIX + " " + sequence + " " + recordHash).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * SHA-256 of {@link #bytes}: what a signer that takes digests (a PKCS#11 {@code CKM_ECDSA} key) signs.
     *
     * @throws IllegalArgumentException as {@link #bytes} does
     */
    public static byte[] digest(long sequence, String recordHash) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes(sequence, recordHash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Whether {@code signature} (DER) is a valid signature by {@code key} over the statement. False, never an
     * exception, for anything malformed: a negative sequence, a bad hash, a signature that is not DER.
     */
    public static boolean verify(PublicKey key, long sequence, String recordHash, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes(sequence, recordHash));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code signature} has the shape of a DER ECDSA P-256 signature (a SEQUENCE whose length byte matches,
     * at most {@link #MAX_SIGNATURE_BYTES}); says nothing of whether it verifies.
     */
    public static boolean isDerShaped(byte[] signature) {
        return signature.length >= 8 && signature.length <= MAX_SIGNATURE_BYTES && signature[0] == 0x30
                && (signature[1] & 0xff) == signature.length - 2;
    }
}
