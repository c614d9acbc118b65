package io.fuseline.hsm.vault.software;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.vault.EcdsaSignatures;
import io.fuseline.hsm.vault.KeyAttributes;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.hsm.vault.VaultRules;
import io.fuseline.schemas.envelope.EnvelopeSealer;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.SecretKind;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default vault: keys in a password-protected PKCS#12 file ({@link SoftwareKeyStoreFile}). It keeps
 * the same rules as an HSM (policy, no overwrite, wrap-only export) but a key in process memory is only as safe as
 * the process, so it warns loudly at start that it is not for production. Every change is appended to an encrypted
 * journal beside the file ({@link SoftwareJournal}) and forced to disk before the method returns; the PKCS#12 file
 * is rewritten only when the vault opens with more than {@value #COMPACT_AFTER} journal records. Thread-safe (one
 * lock).
 */
public final class SoftwareKeyVault implements KeyVault {
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareKeyVault.class);
    /** Journal records beyond which opening the vault folds the journal into a new PKCS#12 snapshot. */
    static final int COMPACT_AFTER = 1000;
    private final Path file;
    private final char[] password;
    private final SoftwareCrypto crypto = new SoftwareCrypto();
    private final Map<KeyLabel, StoredKey> keys = new LinkedHashMap<>();
    private SoftwareJournal journal;

    private SoftwareKeyVault(Path file, char[] password) {
        this.file = file;
        this.password = password;
        SoftwareKeyStoreFile store = SoftwareKeyStoreFile.open(file, password.clone());
        try {
            store.readAll().forEach(k -> keys.put(k.label(), k));
            if (!java.nio.file.Files.exists(file)) {
                store.save(); // an empty snapshot, owner-only, so the password is checked from the first open on
            }
        } finally {
            store.clearPassword();
        }
        journal = SoftwareJournal.open(journalOf(file), password, change -> {
            if (change.key() == null) {
                StoredKey gone = keys.remove(change.label());
                if (gone != null) {
                    gone.wipe();
                }
            } else {
                keys.put(change.label(), change.key());
            }
        });
        if (journal.records() > COMPACT_AFTER) {
            compact();
        }
    }

    /** The journal beside a key-store file: {@code vault.p12.journal}. */
    public static Path journalOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /** Opens (or creates) the key store at {@code file}; the password is read once. */
    public static SoftwareKeyVault open(Path file, PinSource password) {
        LOG.warn("***************************************************************************************");
        LOG.warn("* SOFTWARE KEY VAULT at {}: keys are protected by a password file only.", file);
        LOG.warn("* NOT FOR PRODUCTION. Use the PKCS#11 vault (an HSM) for any unit that ships.");
        LOG.warn("***************************************************************************************");
        return new SoftwareKeyVault(file, password.read());
    }

    @Override
    public String describe() {
        return "software token " + file;
    }

    @Override
    public synchronized VaultKey generateKeyPair(KeyLabel label, String requestId) {
        VaultRules.keyPairRole(label);
        requireAbsent(label);
        KeyPair pair = crypto.generate(KeyType.of(label.role()));
        return add(new StoredKey(label, requestId, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), null, true));
    }

    @Override
    public synchronized VaultKey generateSecret(KeyLabel label, int length, String requestId) {
        VaultRules.secretRole(label, length);
        requireAbsent(label);
        return add(new StoredKey(label, requestId, crypto.randomBytes(length), null, null, true));
    }

    @Override
    public synchronized VaultKey enrollStation(String stationId, PublicKey stationKey) {
        VaultRules.stationKey(stationId, stationKey);
        KeyLabel label = KeyLabel.station(stationId);
        StoredKey existing = keys.get(label);
        if (existing != null) {
            if (!Arrays.equals(existing.publicKey(), stationKey.getEncoded())) {
                throw new VaultException(VaultError.STATION_KEY_MISMATCH, "station " + stationId + " is enrolled with key "
                        + KeyCheckValue.ofPublicKey(publicKey(label)));
            }
            return describe(existing);
        }
        return add(new StoredKey(label, "enrolled", null, stationKey.getEncoded(), null, false));
    }

    @Override
    public synchronized Optional<VaultKey> find(KeyLabel label) {
        return Optional.ofNullable(keys.get(label)).map(this::describe);
    }

    @Override
    public synchronized List<VaultKey> list() {
        return keys.values().stream().map(this::describe).toList();
    }

    @Override
    public synchronized PublicKey publicKey(KeyLabel label) {
        StoredKey k = require(label);
        if (k.publicKey() == null) {
            throw new VaultException(VaultError.BAD_REQUEST, label + " is a secret key and has no public half");
        }
        return SoftwareCrypto.publicKey(KeyType.of(label.role()), k.publicKey());
    }

    @Override
    public synchronized byte[] signDigest(KeyLabel label, byte[] sha256) {
        VaultRules.maySign(label, sha256);
        return crypto.signDigest(KeyType.of(label.role()), require(label).value(), sha256);
    }

    @Override
    public synchronized byte[] signCheckpoint(KeyLabel label, long sequence, String recordHash) {
        VaultRules.mayCheckpoint(label);
        byte[] digest = VaultRules.checkpointDigest(sequence, recordHash);
        return EcdsaSignatures.der(crypto.signDigest(KeyType.of(label.role()), require(label).value(), digest));
    }

    @Override
    public synchronized KeyEnvelope wrapForStation(KeyLabel label, String stationId, SecretKind kind) {
        VaultRules.mayWrap(label);
        StoredKey key = require(label);
        StoredKey station = keys.get(KeyLabel.station(stationId));
        if (station == null) {
            throw VaultRules.notEnrolled(stationId);
        }
        PublicKey stationKey = SoftwareCrypto.publicKey(KeyType.EC_P256, station.publicKey());
        try (SecretBytes secret = SecretBytes.adopt(key.value().clone(), kcv(key))) {
            return EnvelopeSealer.seal(secret, kind, secret.kcv(), stationKey);
        }
    }

    @Override
    public synchronized void storeCertificate(KeyLabel keyPair, byte[] certificateDer) {
        StoredKey k = require(keyPair);
        if (k.certificate() != null) {
            throw new VaultException(VaultError.KEY_EXISTS, keyPair + " already has a certificate");
        }
        StoredKey updated = k.withCertificate(certificateDer.clone());
        journal.put(updated);
        keys.put(keyPair, updated);
    }

    @Override
    public synchronized Optional<byte[]> certificate(KeyLabel keyPair) {
        return Optional.ofNullable(require(keyPair).certificate()).map(byte[]::clone);
    }

    @Override
    public synchronized void destroy(KeyLabel label) {
        StoredKey k = require(label);
        journal.remove(label);
        keys.remove(label);
        k.wipe();
    }

    @Override
    public synchronized void close() {
        journal.close();
        keys.values().forEach(StoredKey::wipe);
        keys.clear();
        Arrays.fill(password, '\0');
    }

    /**
     * Writes every key into a new PKCS#12 snapshot (replacing the file atomically), then empties the journal. A crash
     * in between leaves the old journal beside the new snapshot; replaying it again changes nothing.
     */
    private void compact() {
        SoftwareKeyStoreFile fresh = SoftwareKeyStoreFile.empty(file, password.clone());
        try {
            keys.values().forEach(fresh::put);
            fresh.save();
        } finally {
            fresh.clearPassword();
        }
        journal = journal.reset(password);
        LOG.info("software key vault {}: journal folded into a new snapshot of {} keys", file, keys.size());
    }

    private VaultKey add(StoredKey key) {
        journal.put(key);
        keys.put(key.label(), key);
        return describe(key);
    }

    private VaultKey describe(StoredKey k) {
        KeyType type = KeyType.of(k.label().role());
        KeyAttributes attributes = k.local() ? KeyAttributes.expectedFor(KeyPolicy.of(k.label().role()))
                : KeyAttributes.importedPublic();
        return new VaultKey(k.label(), type, type == KeyType.SECRET ? k.value().length : 0, k.requestId(), kcv(k),
                attributes);
    }

    private String kcv(StoredKey k) {
        return k.publicKey() != null ? KeyCheckValue.ofPublicKey(SoftwareCrypto.publicKey(KeyType.of(k.label().role()),
                k.publicKey())) : KeyCheckValue.ofSecret(k.value());
    }

    private StoredKey require(KeyLabel label) {
        StoredKey k = keys.get(label);
        if (k == null) {
            throw VaultRules.notFound(label);
        }
        return k;
    }

    private void requireAbsent(KeyLabel label) {
        if (keys.containsKey(label)) {
            throw VaultRules.exists(label);
        }
    }
}
