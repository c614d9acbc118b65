package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * The checkpoint signer of {@code fuseline.audit.checkpoint.signer=local}: an EC P-256 key in a local PKCS#8 file, for
 * an orchestrator without a vault (tests, development). A line signs with the vault's audit key instead
 * ({@code signer=vault}). Anyone who can read the file can forge checkpoints: keep it readable by the service only (it
 * is created 0600). Thread-safe.
 */
public final class LocalKeyCheckpointSigner implements CheckpointSigner {
    private final PrivateKey key;
    private final PublicKey publicKey;
    private final String keyId;

    private LocalKeyCheckpointSigner(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
        this.keyId = Pem.keyId(publicKey);
    }

    /**
     * Loads the key at {@code file}, or creates it (and {@code <file>.pub.pem}) when missing and {@code generate}.
     *
     * @throws IllegalStateException naming the file when it is missing (and not to be generated) or unreadable
     */
    public static LocalKeyCheckpointSigner open(Path file, boolean generate) {
        try {
            if (Files.exists(file)) {
                PrivateKey key = Pem.readPrivateKey(Files.readString(file));
                Path pub = publicKeyFile(file);
                if (!Files.exists(pub)) {
                    throw new IllegalStateException("fuseline.audit.checkpoint.key-file: " + file + " has no public key "
                            + "beside it (" + pub + ")");
                }
                LocalKeyCheckpointSigner signer = new LocalKeyCheckpointSigner(key,
                        Pem.readPublicKey(Files.readString(pub)));
                Checkpoint probe = signer.sign(0, "0".repeat(64));
                if (!CheckpointStatement.verify(signer.publicKey, 0, probe.recordHash(), probe.signature())) {
                    throw new IllegalStateException("fuseline.audit.checkpoint.key-file: " + pub
                            + " is not the public key of " + file);
                }
                return signer;
            }
            if (!generate) {
                throw new IllegalStateException("fuseline.audit.checkpoint.key-file: no key at " + file);
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = gen.generateKeyPair();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "checkpoint-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Pem.privateKey(pair.getPrivate()));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(publicKeyFile(file), Pem.publicKey(pair.getPublic()));
            return new LocalKeyCheckpointSigner(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("fuseline.audit.checkpoint.key-file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is in every JDK", e);
        }
    }

    public static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub.pem");
    }

    @Override
    public Checkpoint sign(long sequence, String recordHash) {
        try {
            Signature s = Signature.getInstance(CheckpointStatement.ALGORITHM);
            s.initSign(key);
            s.update(CheckpointStatement.bytes(sequence, recordHash));
            return new Checkpoint(sequence, recordHash, keyId, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing checkpoint " + sequence + " failed: " + e.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }
}
