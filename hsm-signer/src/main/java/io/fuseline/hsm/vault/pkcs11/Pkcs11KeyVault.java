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
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * The production vault: keys in a PKCS#11 token reached through ipkcs11wrapper (SoftHSM2 in tests). Templates come
 * from {@link Pkcs11Templates}; wrapping happens in the token ({@link Pkcs11Sealer}); key check values are computed
 * in the token with C_DigestKey; labels are looked up in a {@link LabelIndex} rather than by scanning the token;
 * per-device objects are staged as session objects and copied to the token ({@link Pkcs11Staging}). Thread-safe
 * through a {@link SessionPool}. Session or token loss fails the operation
 * as retriable (TOKEN_UNAVAILABLE); the next operation opens a fresh session.
 */
public final class Pkcs11KeyVault implements KeyVault {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pkcs11KeyVault.class);
    private final Pkcs11Config config;
    private final String slotDescription;
    private final SessionPool sessions;
    private final LabelIndex index = new LabelIndex();
    private final Pkcs11Staging staging = new Pkcs11Staging(true);

    private Pkcs11KeyVault(Pkcs11Config config, Slot slot) {
        this.config = config;
        this.slotDescription = "pkcs11 token '" + config.tokenLabel() + "' (slot " + slot.getSlotID() + ", "
                + config.module() + ")";
        this.sessions = new SessionPool(slot.getToken(), config.pin(), config.sessions());
    }

    /** Finds the token by label, logs in once to check the PIN, and indexes the token's objects. */
    public static Pkcs11KeyVault open(Pkcs11Config config) {
        var module = Pkcs11Modules.get(config.module());
        try {
            for (Slot slot : module.getSlotList(true)) {
                String label = slot.getToken().getTokenInfo().getLabel();
                if (label != null && label.strip().equals(config.tokenLabel())) {
                    Pkcs11KeyVault vault = new Pkcs11KeyVault(config, slot);
                    vault.refresh();
                    return vault;
                }
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.map(e, "listing slots");
        }
        throw SessionPool.noToken(config.tokenLabel());
    }

    /**
     * Reads the token's object index again. Call it when another process may have created or destroyed keys for
     * labels this vault will create (a Kafka partition newly assigned to this replica). Thread-safe.
     */
    public void refresh() {
        long start = System.nanoTime();
        sessions.with("index the token", s -> {
            index.load(s);
            return null;
        });
        LOG.info("{}: {} objects indexed in {} ms", slotDescription, index.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String describe() {
        return slotDescription;
    }

    @Override
    public VaultKey generateKeyPair(KeyLabel label, String requestId) {
        VaultRules.keyPairRole(label);
        boolean stage = KeyPolicy.of(label.role()).wrapOnlyForStation(); // device keys; signing keys never
        return creating(label, () -> sessions.with("C_GenerateKeyPair " + label, s -> {
            requireAbsent(s, label);
            boolean rsa = KeyType.of(label.role()) == KeyType.RSA_3072;
            Mechanism mechanism = new Mechanism(rsa ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN);
            PKCS11KeyPair pair = stage
                    ? staging.persistPair(s, staged -> s.generateKeyPair(mechanism,
                            Pkcs11Templates.keyPair(label, id(requestId), staged)))
                    : s.generateKeyPair(mechanism, Pkcs11Templates.keyPair(label, id(requestId), false));
            index.remember(CKO_PRIVATE_KEY, label, pair.getPrivateKey());
            index.remember(CKO_PUBLIC_KEY, label, pair.getPublicKey());
            return created(s, label, pair.getPrivateKey(), 0, requestId,
                    KeyCheckValue.ofPublicKey(Pkcs11Objects.publicKey(s, pair.getPublicKey(), KeyType.of(label.role()))));
        }));
    }

    @Override
    public VaultKey generateSecret(KeyLabel label, int length, String requestId) {
        VaultRules.secretRole(label, length);
        return creating(label, () -> sessions.with("C_GenerateKey " + label, s -> {
            requireAbsent(s, label);
            long h = staging.persist(s, staged -> s.generateKey(new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    Pkcs11Templates.secret(label, id(requestId), length, staged)));
            index.remember(CKO_SECRET_KEY, label, h);
            return created(s, label, h, length, requestId, Pkcs11Objects.secretKcv(s, h));
        }));
    }

    @Override
    public VaultKey enrollStation(String stationId, PublicKey stationKey) {
        VaultRules.stationKey(stationId, stationKey);
        KeyLabel label = KeyLabel.station(stationId);
        return creating(label, () -> sessions.with("enroll " + label, s -> {
            Optional<Long> existing = index.find(s, CKO_PUBLIC_KEY, label);
            if (existing.isPresent()) {
                PublicKey enrolled = Pkcs11Objects.publicKey(s, existing.get(), KeyType.EC_P256);
                if (!enrolled.equals(stationKey)) {
                    throw new VaultException(VaultError.STATION_KEY_MISMATCH, "station " + stationId
                            + " is enrolled with key " + KeyCheckValue.ofPublicKey(enrolled));
                }
                return describe(s, label, existing.get());
            }
            long h = s.createObject(Pkcs11Templates.stationKey(label, Pkcs11Objects.derPoint(P256.encode(stationKey))));
            index.remember(CKO_PUBLIC_KEY, label, h);
            return describe(s, label, h);
        }));
    }

    @Override
    public Optional<VaultKey> find(KeyLabel label) {
        return sessions.with("find " + label, s -> {
            Optional<Long> h = handle(s, label);
            return h.isEmpty() ? Optional.<VaultKey>empty() : Optional.of(describe(s, label, h.get()));
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
                        keys.add(describe(s, label.get(), h));
                    }
                }
            }
            return keys;
        });
    }

    @Override
    public List<VaultKey> list(String namePrefix) {
        return sessions.with("list " + namePrefix, s -> {
            List<VaultKey> keys = new ArrayList<>();
            for (KeyLabel label : index.labels(namePrefix)) {
                Optional<Long> h = handle(s, label);
                if (h.isPresent()) {
                    keys.add(describe(s, label, h.get()));
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
        return sessions.with("public key " + label, s -> Pkcs11Objects.publicKey(s,
                index.find(s, CKO_PUBLIC_KEY, label).orElseThrow(() -> VaultRules.notFound(label)),
                KeyType.of(label.role())));
    }

    @Override
    public byte[] signDigest(KeyLabel label, byte[] sha256) {
        VaultRules.maySign(label, sha256);
        Mechanism mechanism = KeyType.of(label.role()) == KeyType.RSA_3072
                ? new Mechanism(CKM_RSA_PKCS_PSS, new RSA_PKCS_PSS_PARAMS(CKM_SHA256, CKG_MGF1_SHA256, 32))
                : new Mechanism(CKM_ECDSA); // raw ECDSA over the digest: r || s
        return sessions.with("C_Sign " + label, s -> s.signSingle(mechanism, require(s, label), sha256));
    }

    @Override
    public KeyEnvelope wrapForStation(KeyLabel label, String stationId, SecretKind kind) {
        VaultRules.mayWrap(label);
        KeyLabel stationLabel = KeyLabel.station(stationId);
        return sessions.with("wrap " + label + " for " + stationId, s -> {
            long secret = require(s, label);
            long stationHandle = index.find(s, CKO_PUBLIC_KEY, stationLabel)
                    .orElseThrow(() -> VaultRules.notEnrolled(stationId));
            PublicKey station = Pkcs11Objects.publicKey(s, stationHandle, KeyType.EC_P256);
            return Pkcs11Sealer.seal(s, secret, kind, kcv(s, label, secret), station);
        });
    }

    @Override
    public void storeCertificate(KeyLabel keyPair, byte[] certificateDer) {
        byte[] subject = encoded(org.bouncycastle.asn1.x509.Certificate.getInstance(certificateDer).getSubject());
        KeyLabel claim = new KeyLabel(keyPair.role(), keyPair.name() + "@certificate");
        creating(claim, () -> sessions.with("store certificate " + keyPair, s -> {
            String requestId = Pkcs11Objects.requestId(s, require(s, keyPair));
            if (index.find(s, CKO_CERTIFICATE, keyPair).isPresent()) {
                throw new VaultException(VaultError.KEY_EXISTS, keyPair + " already has a certificate");
            }
            long cert = staging.persist(s, staged -> s.createObject(
                    Pkcs11Templates.certificate(keyPair, id(requestId), subject, certificateDer, staged)));
            index.remember(CKO_CERTIFICATE, keyPair, cert);
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
            long primary = require(s, label);
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

    private Optional<Long> handle(Session s, KeyLabel label) throws PKCS11Exception {
        return index.find(s, primaryClass(label.role()), label);
    }

    private long require(Session s, KeyLabel label) throws PKCS11Exception {
        return handle(s, label).orElseThrow(() -> VaultRules.notFound(label));
    }

    private void requireAbsent(Session s, KeyLabel label) throws PKCS11Exception {
        if (handle(s, label).isPresent()) {
            throw VaultRules.exists(label);
        }
    }

    /** A key just created: what the caller asked for plus the protection the token reports (one attribute read). */
    private static VaultKey created(Session s, KeyLabel label, long handle, int length, String requestId, String kcv)
            throws PKCS11Exception {
        return new VaultKey(label, KeyType.of(label.role()), length, requestId, kcv, Pkcs11Objects.attributes(s, handle));
    }

    private VaultKey describe(Session s, KeyLabel label, long handle) throws PKCS11Exception {
        KeyType type = KeyType.of(label.role());
        return new VaultKey(label, type, type == KeyType.SECRET ? Pkcs11Objects.valueLength(s, handle) : 0,
                Pkcs11Objects.requestId(s, handle), kcv(s, label, handle), Pkcs11Objects.attributes(s, handle));
    }

    private String kcv(Session s, KeyLabel label, long handle) throws PKCS11Exception {
        KeyType type = KeyType.of(label.role());
        if (type == KeyType.SECRET) {
            return Pkcs11Objects.secretKcv(s, handle);
        }
        long pub = label.role() == KeyRole.STATION_ENROLLMENT ? handle
                : index.find(s, CKO_PUBLIC_KEY, label).orElseThrow(() -> VaultRules.notFound(label));
        return KeyCheckValue.ofPublicKey(Pkcs11Objects.publicKey(s, pub, type));
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
