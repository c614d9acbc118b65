package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKD_NULL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_ECB_ENCRYPT_DATA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_WRAP_PAD;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDH1_DERIVE;

import io.fuseline.schemas.envelope.EnvelopeHeader;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.WrapScheme;
import io.fuseline.schemas.message.SecretKind;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.params.ECDH1_DERIVE_PARAMS;
import org.xipki.pkcs11.wrapper.params.KEY_DERIVATION_STRING_DATA;

/**
 * {@link WrapScheme#ECDH_P256_KWP_V1} inside the token: the shared secret and the KEK are session objects that are
 * sensitive and never extractable, so no wrapping key ever exists outside the HSM. Every temporary object is
 * destroyed before returning, also on failure. Stateless; the caller owns the session.
 */
final class Pkcs11Sealer {
    private Pkcs11Sealer() {
    }

    /**
     * Wraps the object {@code secretHandle} for {@code station}.
     *
     * @param kcv the secret's key check value, bound into the KEK with the rest of the header
     */
    static KeyEnvelope seal(Session s, long secretHandle, SecretKind kind, String kcv, PublicKey station)
            throws PKCS11Exception {
        List<Long> temporary = new ArrayList<>();
        try {
            PKCS11KeyPair ephemeral = s.generateKeyPair(new Mechanism(CKM_EC_KEY_PAIR_GEN), Pkcs11Templates.ephemeral());
            temporary.add(ephemeral.getPrivateKey());
            temporary.add(ephemeral.getPublicKey());
            EnvelopeHeader header = new EnvelopeHeader(WrapScheme.ECDH_P256_KWP_V1, kind, P256.fingerprint(station),
                    Pkcs11Objects.ecPoint(s, ephemeral.getPublicKey()), kcv);
            // Z = x-coordinate of ECDH(ephemeral, station), CKD_NULL: SoftHSM2 supports no other KDF here.
            long z = s.deriveKey(new Mechanism(CKM_ECDH1_DERIVE, new ECDH1_DERIVE_PARAMS(CKD_NULL, null,
                    P256.encode(station))), ephemeral.getPrivateKey(), Pkcs11Templates.sharedSecret());
            temporary.add(z);
            // KEK = AES-256-ECB(Z, fixedInfo): two blocks, both bound to the whole header.
            long kek = s.deriveKey(new Mechanism(CKM_AES_ECB_ENCRYPT_DATA,
                    new KEY_DERIVATION_STRING_DATA(header.fixedInfo())), z, Pkcs11Templates.kek());
            temporary.add(kek);
            byte[] wrapped = s.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), kek, secretHandle);
            return new KeyEnvelope(header, wrapped);
        } finally {
            for (long handle : temporary) {
                try {
                    s.destroyObject(handle);
                } catch (PKCS11Exception e) {
                    // a session object; it dies with the session at the latest
                }
            }
        }
    }
}
