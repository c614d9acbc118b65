package io.fuseline.orchestrator.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * What a checkpoint signature covers: the UTF-8 bytes of {@code fuseline-audit-checkpoint/v1 <sequence> <recordHash>}
 * (decimal sequence, lowercase hex hash, single spaces), signed with ECDSA over SHA-256 on P-256 (DER signature).
 * Signing the head's hash signs every record up to it: each record's hash covers its predecessor's.
 */
public final class CheckpointStatement {
    /** The JCA name of the signature algorithm, as written in exports. */
    public static final String ALGORITHM = "SHA256withECDSA";

    private CheckpointStatement() {
    }

    public static byte[] bytes(long sequence, String recordHash) {
        return ("fuseline-audit-checkpoint/v1 " + sequence + " " + recordHash).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is a valid signature by {@code key} over the statement. */
    public static boolean verify(PublicKey key, long sequence, String recordHash, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes(sequence, recordHash));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
