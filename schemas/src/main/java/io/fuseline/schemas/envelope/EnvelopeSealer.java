package io.fuseline.schemas.envelope;

import io.fuseline.schemas.message.SecretKind;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * Seals a secret for one station in plain JCA: used by the software vault and by tests. The PKCS#11 vault seals
 * inside its token instead and produces the same format. Stateless, thread-safe; a fresh ephemeral key per call.
 */
public final class EnvelopeSealer {
    private EnvelopeSealer() {
    }

    /**
     * Wraps {@code secret} for the station whose P-256 public key is {@code station}.
     *
     * @param kcv the key check value to record: {@code secret.kcv()} for secret keys, the public-key check value
     *            for an identity key
     */
    public static KeyEnvelope seal(SecretBytes secret, SecretKind kind, String kcv, PublicKey station) {
        if (!P256.isP256(station)) {
            throw new IllegalArgumentException("stations enroll P-256 keys; got " + station.getAlgorithm());
        }
        KeyPair ephemeral = P256.generate();
        EnvelopeHeader header = new EnvelopeHeader(WrapScheme.ECDH_P256_KWP_V1, kind, P256.fingerprint(station),
                P256.encode(ephemeral.getPublic()), kcv);
        try {
            var kek = EnvelopeKdf.kek(ephemeral.getPrivate(), station, header);
            return new KeyEnvelope(header, secret.apply(bytes -> {
                try {
                    return EnvelopeKdf.wrap(kek, bytes);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-KWP failed: " + e.getMessage());
                }
            }));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH on P-256 failed: " + e.getMessage());
        }
    }
}
