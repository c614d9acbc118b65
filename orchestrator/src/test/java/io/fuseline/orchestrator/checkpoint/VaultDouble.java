package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Plays hsm-signer's checkpoint signing in the orchestrator's tests: answers a request with the profile's "vault" key,
 * and makes the answers a broken or hostile vault would send.
 */
final class VaultDouble {
    private final LocalKeyCheckpointSigner vaultKey = LocalKeyCheckpointSigner.open(VaultCheckpointProfile.KEY_FILE,
            false);

    /** The answer hsm-signer gives: the statement of the request's record, signed with the vault key. */
    CheckpointSigned answer(CheckpointRequested r) {
        CheckpointSigner.Checkpoint c = vaultKey.sign(r.sequence(), r.recordHash());
        return signed(r.requestId(), r.sequence(), r.recordHash(), P256.fingerprintHex(vaultKey.publicKey()),
                c.signature());
    }

    /** An answer to {@code requestId} for any record, signed with the vault key. */
    CheckpointSigned answer(String requestId, long sequence, String recordHash) {
        CheckpointSigner.Checkpoint c = vaultKey.sign(sequence, recordHash);
        return signed(requestId, sequence, recordHash, P256.fingerprintHex(vaultKey.publicKey()), c.signature());
    }

    /** The request's record and hash, but the vault key's signature over another record's hash. */
    CheckpointSigned tampered(CheckpointRequested r, String otherHash) {
        CheckpointSigner.Checkpoint c = vaultKey.sign(r.sequence(), otherHash);
        return signed(r.requestId(), r.sequence(), r.recordHash(), P256.fingerprintHex(vaultKey.publicKey()),
                c.signature());
    }

    /** Signed with {@code other}'s key, naming {@code claimed} as the key. */
    static CheckpointSigned signedWith(KeyPair other, PublicKey claimed, CheckpointRequested r) {
        return signed(r.requestId(), r.sequence(), r.recordHash(), P256.fingerprintHex(claimed),
                sign(other.getPrivate(), r.sequence(), r.recordHash()));
    }

    PublicKey publicKey() {
        return vaultKey.publicKey();
    }

    private static CheckpointSigned signed(String requestId, long sequence, String hash, String fingerprint,
                                           byte[] signature) {
        return new CheckpointSigned(requestId, sequence, hash, "audit-checkpoint", fingerprint,
                CheckpointStatement.ALGORITHM, Base64.getEncoder().encodeToString(signature), Instant.now());
    }

    private static byte[] sign(PrivateKey key, long sequence, String hash) {
        try {
            Signature s = Signature.getInstance(CheckpointStatement.ALGORITHM);
            s.initSign(key);
            s.update(CheckpointStatement.bytes(sequence, hash));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
