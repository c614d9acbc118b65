package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_GENERIC_SECRET_KEY_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_CERTIFICATE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.EcdsaSignatures;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.hsm.vault.VaultRules;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.SecretKind;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * The production vault: keys in a PKCS#11 token reached through ipkcs11wrapper (SoftHSM2 in tests). Templates come
 * from {@link Pkcs11Templates}; wrapping happens in the token ({@link Pkcs11Sealer}); key check values are computed
 * in the token with C_DigestKey; labels are looked up in a {@link LabelIndex} rather than by scanning the token, and
 * what the vault read about a key is kept there beside its handle ({@link KeyFacts});
 * per-device objects are staged as session objects and copied to the token ({@link Pkcs11Staging}). Thread-safe
 * through a {@link SessionPool}.
 *
 * <p>When the token, its sessions, the login or the module go away, the operation that noticed fails as retriable
 * ({@link VaultError#TOKEN_UNAVAILABLE}) and nothing it did is reported done; the next operation reconnects first
 * (new sessions, login again, index read again through {@link #refresh}'s code path) and the keys made before are
 * found as before.
 */
public final class Pkcs11KeyVault implements KeyVault {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pkcs11KeyVault.class);
    private final Pkcs11Config config;
    private final SessionPool sessions;
    private final LabelIndex index = new LabelIndex();
    private final Pkcs11Staging staging = new Pkcs11Staging(true);

    private Pkcs11KeyVault(Pkcs11Config config) {
        this.config = config;
        this.sessions = new SessionPool(config, this::reindex);
    }

    /**
     * Finds the token by label, logs in to check the PIN, and indexes the token's objects.
     *
     * @throws VaultException TOKEN_NOT_FOUND, LOGIN_FAILED, or TOKEN_UNAVAILABLE if the module cannot be used
     */
    public static Pkcs11KeyVault open(Pkcs11Config config) {
        Pkcs11KeyVault vault = new Pkcs11KeyVault(config);
        vault.sessions.connect();
        return vault;
    }

    /**
     * Reads the token's object index again, while no other operation of this vault runs. The vault does it itself
     * when it opens and after every reconnect; call it when another process may have created or destroyed keys for
     * labels this vault will create (a Kafka partition newly assigned to this replica).
     */
    public void refresh() {
        sessions.exclusive("index the token", s -> {
            reindex(s);
            return null;
        });
    }

    /**
     * Runs {@code outage} while no operation of this vault is inside a PKCS#11 call (operations between two calls
     * stay in flight). For tests that take the token away under running requests: SoftHSM2 is not safe against
     * C_CloseAllSessions racing another thread's call (it crashed the JVM in C_FindObjectsInit, and once answered a
     * wrap with CKR_KEY_UNEXTRACTABLE for an extractable key), which no real outage between two calls needs.
     */
    void betweenCalls(Runnable outage) {
        sessions.exclusive("outage", s -> {
            outage.run();
            return null;
        });
    }

    private void reindex(Session s) throws PKCS11Exception {
        long start = System.nanoTime();
        index.load(s);
        LOG.info("{}: {} objects indexed in {} ms", describe(), index.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String describe() {
        return "pkcs11 token '" + config.tokenLabel() + "' (" + sessions.slot() + ", " + config.module() + ")";
    }

    @Override
    public VaultKey generateKeyPair(KeyLabel label, String requestId) {
        VaultRules.keyPairRole(label);
        boolean stage = KeyPolicy.of(label.role()).wrapOnlyForStation(); // device keys; signing keys never
        KeyType type = KeyType.of(label.role());
        return creating(label, () -> sessions.with("C_GenerateKeyPair " + label, s -> {
            requireAbsent(s, label);
            Mechanism mechanism = new Mechanism(type == KeyType.RSA_3072 ? CKM_RSA_PKCS_KEY_PAIR_GEN
                    : CKM_EC_KEY_PAIR_GEN);
            Pkcs11Staging.Pair pair = stage
                    ? staging.persistPair(s, type, staged -> s.generateKeyPair(mechanism,
                            Pkcs11Templates.keyPair(label, id(requestId), staged)))
                    : Pkcs11Staging.Pair.onToken(s, s.generateKeyPair(mechanism,
                            Pkcs11Templates.keyPair(label, id(requestId), false)), type);
            pair.publicKey().ifPresent(h -> index.remember(CKO_PUBLIC_KEY, label, h, null));
            return created(s, label, pair.privateKey(), 0, requestId, KeyCheckValue.ofPublicKey(pair.key()),
                    pair.key());
        }));
    }

    @Override
    public VaultKey generateSecret(KeyLabel label, int length, String requestId) {
        VaultRules.secretRole(label, length);
        return creating(label, () -> sessions.with("C_GenerateKey " + label, s -> {
            requireAbsent(s, label);
            long h = staging.persist(s, staged -> s.generateKey(new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    Pkcs11Templates.secret(label, id(requestId), length, staged)));
            return created(s, label, h, length, requestId, Pkcs11Objects.secretKcv(s, h), null);
        }));
    }

    @Override
    public VaultKey enrollStation(String stationId, PublicKey stationKey) {
        VaultRules.stationKey(stationId, stationKey);
        KeyLabel label = KeyLabel.station(stationId);
        return creating(label, () -> sessions.with("enroll " + label, s -> {
            Optional<LabelIndex.Entry> existing = index.lookup(s, CKO_PUBLIC_KEY, label);
            if (existing.isPresent()) {
                KeyFacts enrolled = facts(s, label, existing.get());
                if (!enrolled.publicKey().equals(stationKey)) {
                    throw new VaultException(VaultError.STATION_KEY_MISMATCH, "station " + stationId
                            + " is enrolled with key " + enrolled.key().kcv());
                }
                return enrolled.key();
            }
            long h = s.createObject(Pkcs11Templates.stationKey(label, Pkcs11Objects.derPoint(P256.encode(stationKey))));
            index.remember(CKO_PUBLIC_KEY, label, h, null);
            return facts(s, label, new LabelIndex.Entry(h, null)).key();
        }));
    }

    @Override
    public Optional<VaultKey> find(KeyLabel label) {
        return sessions.with("find " + label, s -> {
            Optional<LabelIndex.Entry> e = lookup(s, label);
            return e.isEmpty() ? Optional.<VaultKey>empty() : Optional.of(facts(s, label, e.get()).key());
        });
    }

    @Override
    public List<VaultKey> list() {
        return sessions.with("list", s -> {
            List<VaultKey> keys = new ArrayList<>();
            for (long objectClass : new long[] {CKO_SECRET_KEY, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY}) {
                for (long h : Pkcs11Objects.all(s, objectClass)) {
                    Optional<KeyLabel> label = Pkcs11Objects.label(s, h);
                    if (label.isPresent() && objectClass == primaryClass(label.get().role())) {
                        keys.add(facts(s, label.get(), new LabelIndex.Entry(h, null)).key());
                    }
                }
            }
            Pkcs11Objects.requireSeesPrivateObjects(s); // an empty answer must not stand for an outage
            return keys;
        });
    }

    @Override
    public List<VaultKey> list(String namePrefix) {
        return sessions.with("list " + namePrefix, s -> {
            List<VaultKey> keys = new ArrayList<>();
            for (KeyLabel label : index.labels(namePrefix)) {
                Optional<LabelIndex.Entry> e = lookup(s, label);
                if (e.isPresent()) {
                    keys.add(facts(s, label, e.get()).key());
                }
            }
            return keys;
        });
    }

    @Override
    public PublicKey publicKey(KeyLabel label) {
        if (KeyType.of(label.role()) == KeyType.SECRET) {
            throw new VaultException(VaultError.BAD_REQUEST, label + " is a secret key and has no public half");
        }
        return sessions.with("public key " + label, s -> facts(s, label, require(s, label)).publicKey());
    }

    @Override
    public byte[] signDigest(KeyLabel label, byte[] sha256) {
        VaultRules.maySign(label, sha256);
        return sign(label, sha256);
    }

    @Override
    public byte[] signCheckpoint(KeyLabel label, long sequence, String recordHash) {
        VaultRules.mayCheckpoint(label);
        return EcdsaSignatures.der(sign(label, VaultRules.checkpointDigest(sequence, recordHash)));
    }

    /** C_Sign over a digest the rules allowed: PSS for RSA-3072, raw ECDSA (r || s) for P-256. */
    private byte[] sign(KeyLabel label, byte[] sha256) {
        Mechanism mechanism = KeyType.of(label.role()) == KeyType.RSA_3072
                ? new Mechanism(CKM_RSA_PKCS_PSS, new RSA_PKCS_PSS_PARAMS(CKM_SHA256, CKG_MGF1_SHA256, 32))
                : new Mechanism(CKM_ECDSA); // raw ECDSA over the digest: r || s
        return sessions.with("C_Sign " + label, s -> s.signSingle(mechanism, require(s, label).handle(), sha256));
    }

    @Override
    public KeyEnvelope wrapForStation(KeyLabel label, String stationId, SecretKind kind) {
        VaultRules.mayWrap(label);
        KeyLabel stationLabel = KeyLabel.station(stationId);
        return sessions.with("wrap " + label + " for " + stationId, s -> {
            LabelIndex.Entry secret = require(s, label);
            LabelIndex.Entry station = index.lookup(s, CKO_PUBLIC_KEY, stationLabel)
                    .orElseThrow(() -> VaultRules.notEnrolled(stationId));
            return Pkcs11Sealer.seal(s, secret.handle(), kind, facts(s, label, secret).key().kcv(),
                    facts(s, stationLabel, station).publicKey());
        });
    }

    @Override
    public void storeCertificate(KeyLabel keyPair, byte[] certificateDer) {
        byte[] subject = encoded(org.bouncycastle.asn1.x509.Certificate.getInstance(certificateDer).getSubject());
        KeyLabel claim = new KeyLabel(keyPair.role(), keyPair.name() + "@certificate");
        creating(claim, () -> sessions.with("store certificate " + keyPair, s -> {
            String requestId = facts(s, keyPair, require(s, keyPair)).key().requestId();
            if (index.find(s, CKO_CERTIFICATE, keyPair).isPresent()) {
                throw new VaultException(VaultError.KEY_EXISTS, keyPair + " already has a certificate");
            }
            long cert = staging.persist(s, staged -> s.createObject(
                    Pkcs11Templates.certificate(keyPair, id(requestId), subject, certificateDer, staged)));
            index.remember(CKO_CERTIFICATE, keyPair, cert, null);
            return cert;
        }));
    }

    @Override
    public Optional<byte[]> certificate(KeyLabel keyPair) {
        return sessions.with("read certificate " + keyPair, s -> {
            Optional<Long> h = index.find(s, CKO_CERTIFICATE, keyPair);
            return h.isEmpty() ? Optional.<byte[]>empty()
                    : Optional.of(s.getAttrValues(h.get(), org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE).value());
        });
    }

    @Override
    public void destroy(KeyLabel label) {
        sessions.with("C_DestroyObject " + label, s -> {
            long primary = require(s, label).handle();
            for (long objectClass : new long[] {CKO_CERTIFICATE, CKO_PUBLIC_KEY}) {
                Optional<Long> other = index.find(s, objectClass, label);
                if (other.isPresent() && other.get() != primary) {
                    s.destroyObject(other.get());
                }
            }
            s.destroyObject(primary);
            index.forget(label);
            return null;
        });
    }

    @Override
    public void close() {
        sessions.close();
    }

    /** Runs a creation of {@code label} while no other thread of this process creates the same label. */
    private <T> T creating(KeyLabel label, java.util.function.Supplier<T> work) {
        if (!index.claim(label)) {
            throw new VaultException(VaultError.KEY_EXISTS, "key " + label + " is being created by another request");
        }
        try {
            return work.get();
        } finally {
            index.release(label);
        }
    }

    /** The object that stands for the key: the private half of a pair, the secret, or a station's public key. */
    private static long primaryClass(KeyRole role) {
        if (role == KeyRole.STATION_ENROLLMENT) {
            return CKO_PUBLIC_KEY;
        }
        return KeyType.of(role) == KeyType.SECRET ? CKO_SECRET_KEY : CKO_PRIVATE_KEY;
    }

    /** The key's primary object, checked against the token; empty without a token call if the index lacks it. */
    private Optional<LabelIndex.Entry> lookup(Session s, KeyLabel label) throws PKCS11Exception {
        return index.lookup(s, primaryClass(label.role()), label);
    }

    private LabelIndex.Entry require(Session s, KeyLabel label) throws PKCS11Exception {
        return lookup(s, label).orElseThrow(() -> VaultRules.notFound(label));
    }

    private void requireAbsent(Session s, KeyLabel label) throws PKCS11Exception {
        if (lookup(s, label).isPresent()) {
            throw VaultRules.exists(label);
        }
    }

    /**
     * A key just created: what the caller asked for plus the protection the token reports (one attribute read),
     * remembered in the index so that using the key again reads nothing more.
     */
    private VaultKey created(Session s, KeyLabel label, long handle, int length, String requestId, String kcv,
                             PublicKey publicKey) throws PKCS11Exception {
        VaultKey key = new VaultKey(label, KeyType.of(label.role()), length, requestId, kcv,
                Pkcs11Objects.attributes(s, handle));
        index.remember(primaryClass(label.role()), label, handle, new KeyFacts(key, publicKey));
        return key;
    }

    /** The entry's facts, read from the token (and kept in the index) the first time they are asked for. */
    private KeyFacts facts(Session s, KeyLabel label, LabelIndex.Entry entry) throws PKCS11Exception {
        if (entry.facts() != null) {
            return entry.facts();
        }
        long handle = entry.handle();
        KeyType type = KeyType.of(label.role());
        PublicKey publicKey = type == KeyType.SECRET ? null : readPublicKey(s, label, handle, type);
        VaultKey key = new VaultKey(label, type, type == KeyType.SECRET ? Pkcs11Objects.valueLength(s, handle) : 0,
                Pkcs11Objects.requestId(s, handle),
                publicKey == null ? Pkcs11Objects.secretKcv(s, handle) : KeyCheckValue.ofPublicKey(publicKey),
                Pkcs11Objects.attributes(s, handle));
        KeyFacts facts = new KeyFacts(key, publicKey);
        index.learn(primaryClass(label.role()), label, handle, facts);
        return facts;
    }

    /**
     * A station's enrolled point; for a key pair, its public token object if it has one (signing keys), else the
     * CKA_PUBLIC_KEY_INFO its private key carries (device identities, see {@link Pkcs11Staging#persistPair}).
     */
    private PublicKey readPublicKey(Session s, KeyLabel label, long primary, KeyType type) throws PKCS11Exception {
        if (label.role() == KeyRole.STATION_ENROLLMENT) {
            return Pkcs11Objects.publicKey(s, primary, type);
        }
        Optional<Long> pub = index.find(s, CKO_PUBLIC_KEY, label);
        if (pub.isPresent()) {
            return Pkcs11Objects.publicKey(s, pub.get(), type);
        }
        return Pkcs11Objects.publicKeyInfo(s, primary, type).orElseThrow(() -> new VaultException(VaultError.TOKEN_ERROR,
                "the key pair " + label + " has neither a public key object nor CKA_PUBLIC_KEY_INFO"));
    }

    private static byte[] id(String requestId) {
        return requestId.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encoded(org.bouncycastle.asn1.x500.X500Name name) {
        try {
            return name.getEncoded();
        } catch (java.io.IOException e) {
            throw new VaultException(VaultError.BAD_REQUEST, "certificate subject cannot be encoded");
        }
    }
}
