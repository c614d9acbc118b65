package io.fuseline.schemas.envelope;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JCA half of {@link WrapScheme#ECDH_P256_KWP_V1}: ECDH, the KEK derivation, and AES-KWP. The PKCS#11 vault
 * does the same steps inside the token; this class is the reference both sides are tested against. Stateless,
 * thread-safe. Intermediate secrets (Z, the KEK bytes) are zeroized before returning.
 */
final class EnvelopeKdf {
    private EnvelopeKdf() {
    }

    /** {@code KEK = AES-256-ECB(key = ECDH(own, peer), data = header.fixedInfo())}. */
    static SecretKeySpec kek(PrivateKey own, PublicKey peer, EnvelopeHeader header) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(own);
        ka.doPhase(peer, true);
        byte[] z = ka.generateSecret();
        byte[] kek = null;
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(z, "AES"));
            kek = ecb.doFinal(header.fixedInfo());
            return new SecretKeySpec(kek, "AES");
        } finally {
            Arrays.fill(z, (byte) 0);
            if (kek != null) {
                Arrays.fill(kek, (byte) 0); // SecretKeySpec keeps its own copy
            }
        }
    }

    /** AES key wrap with padding (RFC 5649) of raw bytes. */
    static byte[] wrap(SecretKeySpec kek, byte[] secret) throws GeneralSecurityException {
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.ENCRYPT_MODE, kek);
        return kwp.doFinal(secret);
    }

    /** The inverse of {@link #wrap}; throws on a failed integrity check. */
    static byte[] unwrap(SecretKeySpec kek, byte[] wrapped) throws GeneralSecurityException {
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.DECRYPT_MODE, kek);
        return kwp.doFinal(wrapped);
    }
}
