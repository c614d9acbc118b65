package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_AES;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HexFormat;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;

/**
 * Every PKCS#11 template the vault uses, built from {@link KeyPolicy#of} and nothing else; docs/key-policy.md is
 * the table. On CKA_WRAP_WITH_TRUSTED: it would require the wrapping key to carry CKA_TRUSTED, which only the
 * security officer can set, while our wrapping key is a fresh ECDH-derived session key per envelope. So the templates
 * set it false, and the rule "wrapped only for an enrolled station" is kept by the vault: it derives the only
 * wrapping keys it ever uses from enrolled station keys, inside the token.
 */
final class Pkcs11Templates {
    /** DER of OID 1.2.840.10045.3.1.7 (prime256v1), the CKA_EC_PARAMS of every EC key here. */
    static final byte[] P256_PARAMS = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final EnumSet<KeyRole> SIGNERS = EnumSet.of(KeyRole.SECURE_BOOT_SIGNING, KeyRole.FACTORY_CA,
            KeyRole.AUDIT_CHECKPOINT);

    private Pkcs11Templates() {
    }

    /**
     * A per-device secret of {@code length} bytes (flash-encryption, HMAC, NVS keys). {@code staged}: generated as a
     * modifiable session object first and made persistent by {@link #persist()} (see {@link Pkcs11Staging}).
     */
    static AttributeVector secret(KeyLabel label, byte[] id, int length, boolean staged) {
        KeyPolicy p = KeyPolicy.of(label.role());
        return new AttributeVector()
                .class_(CKO_SECRET_KEY)            // CKA_CLASS: a secret key
                .keyType(CKK_GENERIC_SECRET)       // CKA_KEY_TYPE: any length (AES-256, 64-byte NVS keys alike)
                .valueLen(length)                  // CKA_VALUE_LEN: bytes to generate
                .label(label.toString())           // CKA_LABEL: ROLE/name, how the vault finds the key
                .id(id)                            // CKA_ID: the request that created it (idempotency)
                .token(p.token() && !staged)       // CKA_TOKEN: persistent (staged: after the copy)
                .private_(true)                    // CKA_PRIVATE: invisible without login
                .sensitive(p.sensitive())          // CKA_SENSITIVE: the value can never be read
                .extractable(p.extractable())      // CKA_EXTRACTABLE: may leave, and then only via C_WrapKey
                .wrapWithTrusted(false)            // CKA_WRAP_WITH_TRUSTED: see the class comment
                .encrypt(false).decrypt(false)     // CKA_ENCRYPT/DECRYPT: never used inside the vault
                .sign(false).verify(false)         // CKA_SIGN/VERIFY: no MAC oracle over a device key
                .wrap(false).unwrap(false)         // CKA_WRAP/UNWRAP: it is wrapped, it never wraps
                .derive(false)                     // CKA_DERIVE: nothing is derived from it
                .copyable(staged)                  // CKA_COPYABLE: only a staged key, for the one copy that persists it
                .modifiable(staged);               // CKA_MODIFIABLE: frozen (staged: by the copy)
    }

    /**
     * The C_CopyObject template that turns a staged session object into the persistent key: only the two
     * attributes PKCS#11 lets a copy change; everything else (CKA_LOCAL, CKA_ALWAYS_SENSITIVE, ...) is kept.
     */
    static AttributeVector persist() {
        return new AttributeVector()
                .token(true)                       // CKA_TOKEN: from session object to token object
                .modifiable(false);                // CKA_MODIFIABLE: frozen from now on
    }

    /**
     * Set on a staged device private key before the copy that persists it: its own public key, so that the public
     * half need not become a token object (see {@link Pkcs11Staging#persistPair}).
     */
    static AttributeVector publicKeyInfo(byte[] subjectPublicKeyInfo) {
        return new AttributeVector()
                .publicKeyInfo(subjectPublicKeyInfo); // CKA_PUBLIC_KEY_INFO: DER SubjectPublicKeyInfo, public data
    }

    /**
     * A key pair of the label's role: signing keys sign; a device identity key is only ever wrapped. {@code staged}
     * as for {@link #secret}; signing keys are never staged and are not copyable.
     */
    static KeyPairTemplate keyPair(KeyLabel label, byte[] id, boolean staged) {
        KeyPolicy p = KeyPolicy.of(label.role());
        boolean rsa = KeyType.of(label.role()) == KeyType.RSA_3072;
        boolean signs = SIGNERS.contains(label.role());
        AttributeVector priv = new AttributeVector()
                .class_(CKO_PRIVATE_KEY)           // CKA_CLASS: the private half
                .keyType(rsa ? CKK_RSA : CKK_EC)   // CKA_KEY_TYPE: decided by the role
                .label(label.toString())           // CKA_LABEL: ROLE/name, shared with the public half
                .id(id)                            // CKA_ID: the request that created it, pairs the halves
                .token(p.token() && !staged)       // CKA_TOKEN: persistent (staged: after the copy)
                .private_(true)                    // CKA_PRIVATE: invisible without login
                .sensitive(p.sensitive())          // CKA_SENSITIVE: private components never readable
                .extractable(p.extractable())      // CKA_EXTRACTABLE: signing/CA keys never; identity keys wrapped
                .wrapWithTrusted(false)            // CKA_WRAP_WITH_TRUSTED: see the class comment
                .sign(signs)                       // CKA_SIGN: only signing roles
                .signRecover(false)                // CKA_SIGN_RECOVER: never
                .decrypt(false).unwrap(false)      // CKA_DECRYPT/UNWRAP: never a decryption oracle
                .derive(false)                     // CKA_DERIVE: no ECDH with these keys
                .copyable(staged)                  // CKA_COPYABLE: signing keys never; staged keys for one copy
                .modifiable(staged);               // CKA_MODIFIABLE: frozen (staged: by the copy)
        AttributeVector pub = new AttributeVector()
                .class_(CKO_PUBLIC_KEY)            // CKA_CLASS: the public half
                .keyType(rsa ? CKK_RSA : CKK_EC)   // CKA_KEY_TYPE
                .label(label.toString())           // CKA_LABEL
                .id(id)                            // CKA_ID
                .token(p.token() && !staged)       // CKA_TOKEN: persistent with its private half
                .private_(false)                   // CKA_PRIVATE: public keys are readable before login
                .verify(signs)                     // CKA_VERIFY
                .encrypt(false).wrap(false)        // CKA_ENCRYPT/WRAP: never
                .derive(false)                     // CKA_DERIVE: never
                .modifiable(staged);               // CKA_MODIFIABLE: frozen (staged: by the copy)
        if (rsa) {
            pub.modulusBits(3072)                  // CKA_MODULUS_BITS: RSA-3072 (Secure Boot V2)
               .publicExponent(BigInteger.valueOf(65537)); // CKA_PUBLIC_EXPONENT: F4
        } else {
            pub.ecParams(P256_PARAMS);             // CKA_EC_PARAMS: P-256
        }
        return new KeyPairTemplate(priv, pub);
    }

    /** A device certificate (DER) stored beside its key pair; staged like the keys, then copied to the token. */
    static AttributeVector certificate(KeyLabel keyPair, byte[] id, byte[] subject, byte[] der, boolean staged) {
        return AttributeVector.newX509Certificate()
                .label(keyPair.toString())         // CKA_LABEL: the key pair's label
                .id(id)                            // CKA_ID: the request that created the key pair
                .token(!staged)                    // CKA_TOKEN: persistent (staged: after the copy)
                .private_(false)                   // CKA_PRIVATE: a certificate is public
                .modifiable(staged)                // CKA_MODIFIABLE: frozen (staged: by the copy)
                .subject(subject)                  // CKA_SUBJECT: DER of the subject name
                .value(der);                       // CKA_VALUE: the certificate
    }

    /** A station's enrolled public key (imported, not generated). */
    static AttributeVector stationKey(KeyLabel label, byte[] derEcPoint) {
        return new AttributeVector()
                .class_(CKO_PUBLIC_KEY)            // CKA_CLASS: public key only; the station keeps the private half
                .keyType(CKK_EC)                   // CKA_KEY_TYPE: EC
                .label(label.toString())           // CKA_LABEL: STATION_ENROLLMENT/<station id>
                .id("enrolled".getBytes())         // CKA_ID
                .token(true)                       // CKA_TOKEN: kept until the station is revoked
                .private_(false)                   // CKA_PRIVATE: nothing secret
                .ecParams(P256_PARAMS)             // CKA_EC_PARAMS: P-256
                .ecPoint(derEcPoint)               // CKA_EC_POINT: DER OCTET STRING of 04||X||Y
                .verify(false).encrypt(false)      // CKA_VERIFY/ENCRYPT: unused; its point feeds ECDH1_DERIVE
                .wrap(false).derive(false)         // CKA_WRAP/DERIVE: unused
                .modifiable(false);                // CKA_MODIFIABLE: a different key needs revocation first
    }

    /** The ephemeral ECDH key pair of one envelope: a session object, destroyed right after wrapping. */
    static KeyPairTemplate ephemeral() {
        AttributeVector priv = new AttributeVector()
                .class_(CKO_PRIVATE_KEY).keyType(CKK_EC)
                .token(false)                      // CKA_TOKEN: a session object, gone with the session
                .private_(true)                    // CKA_PRIVATE
                .sensitive(true)                   // CKA_SENSITIVE
                .extractable(false)                // CKA_EXTRACTABLE: never
                .derive(true)                      // CKA_DERIVE: its only use, ECDH1_DERIVE
                .sign(false).decrypt(false).unwrap(false);
        AttributeVector pub = new AttributeVector()
                .class_(CKO_PUBLIC_KEY).keyType(CKK_EC)
                .token(false)                      // CKA_TOKEN: session object
                .ecParams(P256_PARAMS)             // CKA_EC_PARAMS: P-256
                .verify(false).encrypt(false).wrap(false).derive(false);
        return new KeyPairTemplate(priv, pub);
    }

    /** The ECDH shared secret Z (32 bytes) held as an AES key whose only use is deriving the KEK. */
    static AttributeVector sharedSecret() {
        return sessionAes(true, false);            // CKA_DERIVE: input of CKM_AES_ECB_ENCRYPT_DATA
    }

    /** The key-encryption key of one envelope: wraps exactly one secret, then is destroyed. */
    static AttributeVector kek() {
        return sessionAes(false, true);            // CKA_WRAP: its only use, CKM_AES_KEY_WRAP_PAD
    }

    private static AttributeVector sessionAes(boolean derive, boolean wrap) {
        return new AttributeVector()
                .class_(CKO_SECRET_KEY).keyType(CKK_AES)
                .valueLen(32)                      // CKA_VALUE_LEN: AES-256
                .token(false)                      // CKA_TOKEN: session object
                .private_(true)                    // CKA_PRIVATE
                .sensitive(true)                   // CKA_SENSITIVE: never readable
                .extractable(false)                // CKA_EXTRACTABLE: never leaves the token
                .encrypt(false).decrypt(false)     // CKA_ENCRYPT/DECRYPT: unused
                .sign(false).verify(false)         // CKA_SIGN/VERIFY: unused
                .wrap(wrap).unwrap(false)          // CKA_WRAP: the KEK only; CKA_UNWRAP: never
                .derive(derive);                   // CKA_DERIVE: Z only
    }
}
