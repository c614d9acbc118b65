package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.KeyType;
import java.security.PublicKey;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Creates per-device token objects in two steps: generate (or create) the object as a session object, then
 * C_CopyObject it to the token with {@link Pkcs11Templates#persist()} and destroy the session original. The result is
 * the same key, generated inside the token (CKA_LOCAL, CKA_ALWAYS_SENSITIVE and CKA_NEVER_EXTRACTABLE carry over in
 * the copy, as PKCS#11 specifies).
 *
 * <p>A device key pair persists as its private half alone, carrying its public key (see {@link #persistPair}).
 *
 * <p>Why: SoftHSM2's file store rewrites an object's file once per attribute while it builds a new token object
 * (about 35 rewrites, ~9 ms on ext4) but writes a copy in one transaction (~2.5 ms). An HSM that does not support
 * C_CopyObject, or refuses the copy's template, is detected on first use; from then on objects are created on the
 * token directly. Thread-safe.
 */
final class Pkcs11Staging {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Staging.class);
    private static final Set<String> UNSUPPORTED = Set.of("CKR_FUNCTION_NOT_SUPPORTED", "CKR_ACTION_PROHIBITED",
            "CKR_ATTRIBUTE_READ_ONLY", "CKR_TEMPLATE_INCONSISTENT", "CKR_ATTRIBUTE_TYPE_INVALID");

    /** Creates one object; {@code staged} says whether as a session object to be copied. */
    interface Create {
        long create(boolean staged) throws PKCS11Exception;
    }

    /** Generates one key pair; {@code staged} as for {@link Create}. */
    interface CreatePair {
        PKCS11KeyPair create(boolean staged) throws PKCS11Exception;
    }

    private volatile boolean enabled;
    private volatile boolean embedsPublicKey = true;

    Pkcs11Staging(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** The token object's handle. The session original, if any, is destroyed before this returns. */
    long persist(Session s, Create create) throws PKCS11Exception {
        if (!enabled) {
            return create.create(false);
        }
        long staged = create.create(true);
        try {
            return s.copyObject(staged, Pkcs11Templates.persist());
        } catch (PKCS11Exception e) {
            if (!UNSUPPORTED.contains(Pkcs11Errors.name(e))) {
                throw e;
            }
            LOG.warn("the token refuses C_CopyObject to persist a staged object ({}); creating token objects directly "
                    + "from now on", Pkcs11Errors.name(e));
            enabled = false;
            return create.create(false);
        } finally {
            destroyQuietly(s, staged);
        }
    }

    /**
     * A key pair on the token.
     *
     * @param privateKey the token object of the private half
     * @param publicKey  the token object of the public half, or empty when the private half carries the public key
     *                   in CKA_PUBLIC_KEY_INFO instead
     * @param key        the public key, as read from the token while persisting
     */
    record Pair(long privateKey, OptionalLong publicKey, PublicKey key) {
        /** Both halves created as token objects (signing keys, or a token that refuses staging). */
        static Pair onToken(Session s, PKCS11KeyPair pair, KeyType type) throws PKCS11Exception {
            return new Pair(pair.getPrivateKey(), OptionalLong.of(pair.getPublicKey()),
                    Pkcs11Objects.publicKey(s, pair.getPublicKey(), type));
        }
    }

    /**
     * Like {@link #persist}, for a key pair: only the private half becomes a token object, with its public key
     * (X.509 SubjectPublicKeyInfo, public by nature) set in CKA_PUBLIC_KEY_INFO of the staged private key before the
     * copy, which saves writing a second token object per device. A token that refuses that attribute gets the
     * public half as a token object of its own, as it does when staging is off.
     */
    Pair persistPair(Session s, KeyType type, CreatePair create) throws PKCS11Exception {
        if (!enabled) {
            return Pair.onToken(s, create.create(false), type);
        }
        PKCS11KeyPair staged = create.create(true);
        long privateKey = -1;
        try {
            PublicKey key = Pkcs11Objects.publicKey(s, staged.getPublicKey(), type);
            boolean embedded = embedPublicKey(s, staged.getPrivateKey(), key);
            privateKey = s.copyObject(staged.getPrivateKey(), Pkcs11Templates.persist());
            OptionalLong publicKey = embedded ? OptionalLong.empty()
                    : OptionalLong.of(s.copyObject(staged.getPublicKey(), Pkcs11Templates.persist()));
            return new Pair(privateKey, publicKey, key);
        } catch (PKCS11Exception e) {
            if (privateKey != -1) {
                s.destroyObject(privateKey); // no half-persisted pair
            }
            if (!UNSUPPORTED.contains(Pkcs11Errors.name(e))) {
                throw e;
            }
            LOG.warn("the token refuses C_CopyObject to persist a staged key pair ({}); creating token objects "
                    + "directly from now on", Pkcs11Errors.name(e));
            enabled = false;
            return Pair.onToken(s, create.create(false), type);
        } finally {
            destroyQuietly(s, staged.getPrivateKey());
            destroyQuietly(s, staged.getPublicKey());
        }
    }

    /** Sets CKA_PUBLIC_KEY_INFO on a staged private key; false (and never again) if the token refuses it. */
    private boolean embedPublicKey(Session s, long stagedPrivateKey, PublicKey key) throws PKCS11Exception {
        if (!embedsPublicKey) {
            return false;
        }
        try {
            s.setAttributeValues(stagedPrivateKey, Pkcs11Templates.publicKeyInfo(key.getEncoded()));
            return true;
        } catch (PKCS11Exception e) {
            if (!UNSUPPORTED.contains(Pkcs11Errors.name(e))) {
                throw e;
            }
            LOG.warn("the token refuses CKA_PUBLIC_KEY_INFO on a private key ({}); storing public halves as token "
                    + "objects from now on", Pkcs11Errors.name(e));
            embedsPublicKey = false;
            return false;
        }
    }

    static void destroyQuietly(Session s, long handle) {
        try {
            s.destroyObject(handle);
        } catch (PKCS11Exception e) {
            // a session object: it dies with the session at the latest
        }
    }
}
