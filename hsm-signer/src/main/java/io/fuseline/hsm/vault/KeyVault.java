package io.fuseline.hsm.vault;

import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.message.SecretKind;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The only place key material lives at rest. Two implementations behave the same and pass the same contract tests:
 * {@code Pkcs11KeyVault} (an HSM; SoftHSM2 in tests) and {@code SoftwareKeyVault} (an encrypted key store file, the
 * embedded default, not for production).
 *
 * <p>What every implementation guarantees:
 * <ul>
 *   <li>key attributes come from {@link io.fuseline.hsm.policy.KeyPolicy#of} for the label's role, never from the
 *       caller; the algorithm from {@link KeyType#of};</li>
 *   <li>a key never leaves in plaintext: signing and CA keys never leave at all, per-device secrets leave only
 *       through {@link #wrapForStation} to an enrolled station;</li>
 *   <li>the audit key signs nothing but checkpoint statements ({@link #signCheckpoint}), built by the vault;</li>
 *   <li>no method overwrites an existing key ({@link VaultError#KEY_EXISTS});</li>
 *   <li>thread-safe; failures are {@link VaultException}s whose {@link VaultException#retriable()} says whether a
 *       retry can help.</li>
 * </ul>
 */
public interface KeyVault extends AutoCloseable {

    /** Where the keys are, for logs and health checks (token label and slot, or key-store file). */
    String describe();

    /**
     * Generates a key pair inside the vault: RSA-3072 for {@code SECURE_BOOT_SIGNING}, P-256 for {@code FACTORY_CA},
     * {@code AUDIT_CHECKPOINT} and {@code DEVICE_IDENTITY}.
     *
     * @param requestId the request or ceremony step that asks, stored with the key
     * @throws VaultException KEY_EXISTS, or POLICY_REFUSED for a role that is not a generated key pair
     */
    VaultKey generateKeyPair(KeyLabel label, String requestId);

    /**
     * Generates a secret of {@code length} bytes (16..64) inside the vault, for a per-device secret role.
     *
     * @throws VaultException KEY_EXISTS, or POLICY_REFUSED for a role that is not a secret
     */
    VaultKey generateSecret(KeyLabel label, int length, String requestId);

    /**
     * Enrolls a station's P-256 public key (a security officer's act). Idempotent for the same key.
     *
     * @throws VaultException STATION_KEY_MISMATCH if the station is enrolled with another key
     */
    VaultKey enrollStation(String stationId, PublicKey stationKey);

    Optional<VaultKey> find(KeyLabel label);

    /** Every key in the vault (certificates are not keys and are not listed). */
    List<VaultKey> list();

    /**
     * The keys whose name starts with {@code namePrefix} (a device's keys: {@code "<mac>/"}). Implementations answer
     * from their index, without listing the whole vault.
     */
    default List<VaultKey> list(String namePrefix) {
        return list().stream().filter(k -> k.label().name().startsWith(namePrefix)).toList();
    }

    /** The public half of a key pair or an enrolled station key. */
    PublicKey publicKey(KeyLabel label);

    /**
     * Signs a 32-byte SHA-256 digest with a signing role's key: RSA-3072 keys sign PSS (MGF1-SHA-256, salt 32) and
     * return 384 bytes; P-256 keys return r ‖ s (64 bytes).
     *
     * @throws VaultException POLICY_REFUSED for a role that may not sign a caller's digest (device keys, stations,
     *                        and the audit key, which signs checkpoint statements only)
     */
    byte[] signDigest(KeyLabel label, byte[] sha256);

    /**
     * Signs the audit chain's checkpoint statement of record {@code sequence} with hash {@code recordHash}
     * ({@code io.fuseline.schemas.checkpoint.CheckpointStatement}: the vault builds the text itself) with an
     * AUDIT_CHECKPOINT key; returns the DER signature ({@code SHA256withECDSA}), which
     * {@code CheckpointStatement.verify} checks with {@link #publicKey}. The only thing an audit key ever signs.
     *
     * @throws VaultException POLICY_REFUSED for a key of another role, BAD_REQUEST for a negative sequence or a
     *                        hash that is not 64 lowercase hex digits, KEY_NOT_FOUND
     */
    byte[] signCheckpoint(KeyLabel label, long sequence, String recordHash);

    /**
     * Wraps a per-device secret (or identity private key) for an enrolled station, in the format of
     * {@code io.fuseline.schemas.envelope}. Each call uses a fresh ephemeral key: the envelope differs, the secret
     * and its check value do not.
     *
     * @throws VaultException STATION_NOT_ENROLLED, or POLICY_REFUSED for a role that never leaves the vault
     */
    KeyEnvelope wrapForStation(KeyLabel secret, String stationId, SecretKind kind);

    /** Stores the X.509 certificate (DER) of a key pair next to it. Refuses to replace one (KEY_EXISTS). */
    void storeCertificate(KeyLabel keyPair, byte[] certificateDer);

    Optional<byte[]> certificate(KeyLabel keyPair);

    /**
     * Destroys a key and its certificate. Irreversible: nothing can recover the key afterwards.
     *
     * @throws VaultException KEY_NOT_FOUND
     */
    void destroy(KeyLabel label);

    /** Releases sessions or files; the keys stay. */
    @Override
    void close();
}
