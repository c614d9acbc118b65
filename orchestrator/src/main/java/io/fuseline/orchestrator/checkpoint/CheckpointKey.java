package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.envelope.P256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;

/**
 * The public key that verifies this line's checkpoints: the vault's audit key ({@code signer=vault}) or the local
 * key's public half ({@code signer=local}). The chain check, the API and the console serve it; answers from the vault
 * are verified with it, never with a key an answer names. Immutable, thread-safe.
 */
public final class CheckpointKey {
    private final PublicKey publicKey;
    private final String keyId;
    private final String fingerprint;

    private CheckpointKey(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = Pem.keyId(publicKey);
        this.fingerprint = P256.fingerprintHex(publicKey);
    }

    /**
     * The key as given.
     *
     * @throws IllegalArgumentException unless it is an EC P-256 key (the statement's algorithm needs one)
     */
    public static CheckpointKey of(PublicKey publicKey) {
        if (!P256.isP256(publicKey)) {
            throw new IllegalArgumentException("a checkpoint key is an EC P-256 key, got " + publicKey.getAlgorithm());
        }
        return new CheckpointKey(publicKey);
    }

    /**
     * Reads the PEM file {@code file} that {@code setting} names.
     *
     * @throws IllegalStateException naming the setting and the file when it is missing, unreadable or not a P-256
     *                               public key
     */
    public static CheckpointKey fromPemFile(String setting, Path file) {
        try {
            return of(Pem.readPublicKey(Files.readString(file)));
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": " + file + " is not an EC P-256 public key in PEM ("
                    + e.getMessage() + ")", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The id written with every checkpoint and in exports: {@link Pem#keyId}, 16 hex digits. */
    public String keyId() {
        return keyId;
    }

    /** SHA-256 of the SubjectPublicKeyInfo, 64 hex digits: what {@code CheckpointSigned} names its key by. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The public key as PEM ({@code BEGIN PUBLIC KEY}). */
    public String pem() {
        return Pem.publicKey(publicKey);
    }

    @Override
    public String toString() {
        return "CheckpointKey[" + keyId + "]";
    }
}
