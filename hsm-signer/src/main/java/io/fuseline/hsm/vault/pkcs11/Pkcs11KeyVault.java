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
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * The production vault: keys in a PKCS#11 token reached through ipkcs11wrapper (SoftHSM2 in tests). Templates come
 * from {@link Pkcs11Templates}; wrapping happens in the token ({@link Pkcs11Sealer}); key check values are computed
 * in the token with C_DigestKey. Thread-safe through a {@link SessionPool}. Session or token loss fails the operation
 * as retriable (TOKEN_UNAVAILABLE); the next operation opens a fresh session.
 */
public final class Pkcs11KeyVault implements KeyVault {
    private final Pkcs11Config config;
    private final String slotDescription;
    private final SessionPool sessions;
    private final HandleCache handles = new HandleCache();

    private Pkcs11KeyVault(Pkcs11Config config, Slot slot) {
        this.config = config;
        this.slotDescription = "pkcs11 token '" + config.tokenLabel() + "' (slot " + slot.getSlotID() + ", "
                + config.module() + ")";
        this.sessions = new SessionPool(slot.getToken(), config.pin(), config.sessions());
    }

    /** Finds the token by label and logs in once to check the PIN. */
    public static Pkcs11KeyVault open(Pkcs11Config config) {
        var module = Pkcs11Modules.get(config.module());
        try {
            for (Slot slot : module.getSlotList(true)) {
                String label = slot.getToken().getTokenInfo().getLabel();
                if (label != null && label.strip().equals(config.tokenLabel())) {
                    Pkcs11KeyVault vault = new Pkcs11KeyVault(config, slot);
                    vault.sessions.with("login", s -> s.getSessionInfo());
                    return vault;
                }
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.map(e, "listing slots");
        }
        throw SessionPool.noToken(config.tokenLabel());
    }

    @Override
    public String describe() {
        return slotDescription;
    }

    @Override
    public VaultKey generateKeyPair(KeyLabel label, String requestId) {
        VaultRules.keyPairRole(label);
        return sessions.with("C_GenerateKeyPair " + label, s -> {
            requireAbsent(s, label);
            boolean rsa = KeyType.of(label.role()) == KeyType.RSA_3072;
            var pair = s.generateKeyPair(new Mechanism(rsa ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN),
                    Pkcs11Templates.keyPair(label, id(requestId)));
            handles.remember(CKO_PRIVATE_KEY, label, pair.getPrivateKey());
            handles.remember(CKO_PUBLIC_KEY, label, pair.getPublicKey());
            return describe(s, label, pair.getPrivateKey());
        });
    }

    @Override
    public VaultKey generateSecret(KeyLabel label, int length, String requestId) {
        VaultRules.secretRole(label, length);
        return sessions.with("C_GenerateKey " + label, s -> {
            requireAbsent(s, label);
            long h = s.generateKey(new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    Pkcs11Templates.secret(label, id(requestId), length));
            handles.remember(CKO_SECRET_KEY, label, h);
            return describe(s, label, h);
        });
    }

    @Override
    public VaultKey enrollStation(String stationId, PublicKey stationKey) {
        VaultRules.stationKey(stationId, stationKey);
        KeyLabel label = KeyLabel.station(stationId);
        return sessions.with("enroll " + label, s -> {
            Optional<Long> existing = handles.find(s, CKO_PUBLIC_KEY, label);
            if (existing.isPresent()) {
                PublicKey enrolled = Pkcs11Objects.publicKey(s, existing.get(), KeyType.EC_P256);
                if (!enrolled.equals(stationKey)) {
                    throw new VaultException(VaultError.STATION_KEY_MISMATCH, "station " + stationId
                            + " is enrolled with key " + KeyCheckValue.ofPublicKey(enrolled));
                }
                return describe(s, label, existing.get());
            }
            long h = s.createObject(Pkcs11Templates.stationKey(label, Pkcs11Objects.derPoint(P256.encode(stationKey))));
            handles.remember(CKO_PUBLIC_KEY, label, h);
            return describe(s, label, h);
        });
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
    public PublicKey publicKey(KeyLabel label) {
        if (KeyType.of(label.role()) == KeyType.SECRET) {
            throw new VaultException(VaultError.BAD_REQUEST, label + " is a secret key and has no public half");
        }
        return sessions.with("public key " + label, s -> Pkcs11Objects.publicKey(s,
                handles.find(s, CKO_PUBLIC_KEY, label).orElseThrow(() -> VaultRules.notFound(label)),
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
            long stationHandle = handles.find(s, CKO_PUBLIC_KEY, stationLabel)
                    .orElseThrow(() -> VaultRules.notEnrolled(stationId));
            PublicKey station = Pkcs11Objects.publicKey(s, stationHandle, KeyType.EC_P256);
            return Pkcs11Sealer.seal(s, secret, kind, kcv(s, label, secret), station);
        });
    }

    @Override
    public void storeCertificate(KeyLabel keyPair, byte[] certificateDer) {
        byte[] subject = encoded(org.bouncycastle.asn1.x509.Certificate.getInstance(certificateDer).getSubject());
        sessions.with("store certificate " + keyPair, s -> {
            String requestId = Pkcs11Objects.requestId(s, require(s, keyPair));
            if (handles.find(s, CKO_CERTIFICATE, keyPair).isPresent()) {
                throw new VaultException(VaultError.KEY_EXISTS, keyPair + " already has a certificate");
            }
            long cert = s.createObject(AttributeVector.newX509Certificate()
                    .label(keyPair.toString()).id(id(requestId)).token(true).private_(false)
                    .subject(subject).value(certificateDer));
            handles.remember(CKO_CERTIFICATE, keyPair, cert);
            return cert;
        });
    }

    @Override
    public Optional<byte[]> certificate(KeyLabel keyPair) {
        return sessions.with("read certificate " + keyPair, s -> {
            Optional<Long> h = handles.find(s, CKO_CERTIFICATE, keyPair);
            return h.isEmpty() ? Optional.<byte[]>empty()
                    : Optional.of(s.getAttrValues(h.get(), org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE).value());
        });
    }

    @Override
    public void destroy(KeyLabel label) {
        sessions.with("C_DestroyObject " + label, s -> {
            long primary = require(s, label);
            for (long objectClass : new long[] {CKO_CERTIFICATE, CKO_PUBLIC_KEY}) {
                Optional<Long> other = handles.find(s, objectClass, label);
                if (other.isPresent() && other.get() != primary) {
                    s.destroyObject(other.get());
                }
            }
            s.destroyObject(primary);
            handles.forget(label);
            return null;
        });
    }

    @Override
    public void close() {
        sessions.close();
    }

    /** The object that stands for the key: the private half of a pair, the secret, or a station's public key. */
    private static long primaryClass(KeyRole role) {
        if (role == KeyRole.STATION_ENROLLMENT) {
            return CKO_PUBLIC_KEY;
        }
        return KeyType.of(role) == KeyType.SECRET ? CKO_SECRET_KEY : CKO_PRIVATE_KEY;
    }

    private Optional<Long> handle(Session s, KeyLabel label) throws PKCS11Exception {
        return handles.find(s, primaryClass(label.role()), label);
    }

    private long require(Session s, KeyLabel label) throws PKCS11Exception {
        return handle(s, label).orElseThrow(() -> VaultRules.notFound(label));
    }

    private void requireAbsent(Session s, KeyLabel label) throws PKCS11Exception {
        if (handle(s, label).isPresent()) {
            throw VaultRules.exists(label);
        }
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
                : handles.find(s, CKO_PUBLIC_KEY, label).orElseThrow(() -> VaultRules.notFound(label));
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
