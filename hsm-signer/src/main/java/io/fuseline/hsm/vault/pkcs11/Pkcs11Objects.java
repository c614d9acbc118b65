package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ALWAYS_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LOCAL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_NEVER_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_KEY_INFO;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_TOKEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE_LEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_NOT_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_USER_FUNCTIONS;

import io.fuseline.hsm.vault.KeyAttributes;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.envelope.P256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/** Finding objects by label and reading what the vault reports about them. Stateless; the caller owns the session. */
final class Pkcs11Objects {
    private Pkcs11Objects() {
    }

    /** The one object of {@code objectClass} labelled {@code label}, if any; two is a corrupt token. */
    static Optional<Long> find(Session s, long objectClass, KeyLabel label) throws PKCS11Exception {
        long[] found = s.findObjectsSingle(new AttributeVector().class_(objectClass).label(label.toString()), 2);
        if (found.length > 1) {
            throw new VaultException(VaultError.TOKEN_ERROR, "two objects labelled " + label + " on the token");
        }
        return found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    /**
     * Throws if the session no longer sees the token's private objects: logged out (CKR_USER_NOT_LOGGED_IN) or a
     * token that no longer answers C_GetTokenInfo (SoftHSM2 with its store gone: CKR_GENERAL_ERROR). Both make
     * SoftHSM2 answer searches with nothing instead of an error; call this before believing an empty answer.
     */
    static void requireSeesPrivateObjects(Session s) throws PKCS11Exception {
        if (s.getSessionInfo().getState() != CKS_RW_USER_FUNCTIONS) {
            throw new PKCS11Exception(CKR_USER_NOT_LOGGED_IN);
        }
        s.getToken().getTokenInfo();
    }

    static long[] all(Session s, long objectClass) throws PKCS11Exception {
        return s.findAllObjectsSingle(new AttributeVector().class_(objectClass));
    }

    /** The label of an object, if it is a Fuseline label. */
    static Optional<KeyLabel> label(Session s, long handle) throws PKCS11Exception {
        String text = s.getAttrValues(handle, CKA_LABEL).label();
        try {
            return text == null ? Optional.empty() : Optional.of(KeyLabel.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // another application's object
        }
    }

    static String requestId(Session s, long handle) throws PKCS11Exception {
        byte[] id = s.getAttrValues(handle, CKA_ID).id();
        return id == null ? "" : new String(id, StandardCharsets.UTF_8);
    }

    static int valueLength(Session s, long handle) throws PKCS11Exception {
        Integer len = s.getAttrValues(handle, CKA_VALUE_LEN).valueLen();
        return len == null ? 0 : len;
    }

    /** The protection attributes as the token reports them. */
    static KeyAttributes attributes(Session s, long handle) throws PKCS11Exception {
        AttributeVector a = s.getAttrValues(handle, CKA_TOKEN, CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE, CKA_EXTRACTABLE,
                CKA_NEVER_EXTRACTABLE, CKA_LOCAL);
        return new KeyAttributes(isTrue(a.token()), isTrue(a.sensitive()), isTrue(a.alwaysSensitive()),
                isTrue(a.extractable()), isTrue(a.neverExtractable()), isTrue(a.local()));
    }

    static PublicKey publicKey(Session s, long publicHandle, KeyType type) throws PKCS11Exception {
        if (type == KeyType.EC_P256) {
            return P256.decode(ecPoint(s, publicHandle));
        }
        AttributeVector a = s.getAttrValues(publicHandle, CKA_MODULUS, CKA_PUBLIC_EXPONENT);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(a.modulus(), a.publicExponent()));
        } catch (GeneralSecurityException e) {
            throw new VaultException(VaultError.TOKEN_ERROR, "the token returned an unusable RSA public key");
        }
    }

    /**
     * The public key a private key carries in CKA_PUBLIC_KEY_INFO (how the vault stores a device identity's public
     * half), if it carries one.
     */
    static Optional<PublicKey> publicKeyInfo(Session s, long privateHandle, KeyType type) throws PKCS11Exception {
        byte[] spki = s.getAttrValues(privateHandle, CKA_PUBLIC_KEY_INFO).publicKeyInfo();
        if (spki == null || spki.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance(type == KeyType.RSA_3072 ? "RSA" : "EC")
                    .generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            throw new VaultException(VaultError.TOKEN_ERROR, "the token holds an unusable CKA_PUBLIC_KEY_INFO");
        }
    }

    /** CKA_EC_POINT as 65 raw bytes, whether the token returns it DER-wrapped (the standard) or raw. */
    static byte[] ecPoint(Session s, long publicHandle) throws PKCS11Exception {
        byte[] p = s.getAttrValues(publicHandle, CKA_EC_POINT).ecPoint();
        if (p.length == P256.POINT_BYTES + 2 && p[0] == 0x04 && p[1] == P256.POINT_BYTES) {
            return Arrays.copyOfRange(p, 2, p.length);
        }
        return p;
    }

    /** DER OCTET STRING around a raw point, as CKA_EC_POINT is specified. */
    static byte[] derPoint(byte[] raw) {
        byte[] der = new byte[raw.length + 2];
        der[0] = 0x04;
        der[1] = (byte) raw.length;
        System.arraycopy(raw, 0, der, 2, raw.length);
        return der;
    }

    /** The key check value of a secret, computed in the token: SHA-256(domain || key) via C_DigestKey. */
    static String secretKcv(Session s, long handle) throws PKCS11Exception {
        s.digestInit(new Mechanism(CKM_SHA256));
        s.digestUpdate(KeyCheckValue.domain());
        s.digestKey(handle);
        return KeyCheckValue.fromDigest(s.digestFinal());
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
