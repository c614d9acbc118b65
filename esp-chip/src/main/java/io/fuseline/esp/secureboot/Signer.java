package io.fuseline.esp.secureboot;

import java.security.PublicKey;

/**
 * Makes one Secure Boot V2 signature. Implementations: {@link JcaSigner} (a software key, for tests and
 * development), {@link #precomputed} (a signature made elsewhere, like espsecure's {@code --signature}),
 * and later a PKCS#11 signer whose private key never leaves the HSM.
 */
public interface Signer {
    /** The scheme, decided by the key. */
    default SignatureScheme scheme() {
        return KeyFields.schemeOf(publicKey());
    }

    /** The public half, which goes into the signature block. */
    PublicKey publicKey();

    /**
     * Signs an image digest.
     *
     * @param imageDigest the {@link SignatureScheme#digestAlgorithm()} digest of the padded image
     *     (SHA-256, or SHA-384 for P-384): the signer hashes nothing more, so an HSM receives 32/48 bytes,
     *     not the image (PKCS#11 {@code CKM_RSA_PKCS_PSS} / {@code CKM_ECDSA})
     * @return RSA: the 384-byte PSS signature (MGF1-SHA-256, 32-byte salt), big-endian; ECDSA: r ‖ s,
     *     each big-endian and {@link SignatureScheme#componentBytes()} long (IEEE P1363)
     */
    byte[] signDigest(byte[] imageDigest);

    /** A signer that returns a signature made elsewhere over the same padded image. */
    static Signer precomputed(PublicKey key, byte[] signature) {
        byte[] copy = signature.clone();
        return new Signer() {
            @Override
            public PublicKey publicKey() { return key; }

            @Override
            public byte[] signDigest(byte[] imageDigest) { return copy.clone(); }
        };
    }

    /**
     * Converts an ECDSA signature in DER (as {@code openssl dgst -sign} writes it) to the r ‖ s form
     * {@link #signDigest} returns.
     */
    static byte[] ecdsaDerToRaw(byte[] der, SignatureScheme scheme) {
        int c = scheme.componentBytes();
        Der.Tlv seq = Der.expect(der, 0, Der.SEQUENCE);
        Der.Tlv r = Der.expect(der, seq.valueOffset(), Der.INTEGER);
        Der.Tlv s = Der.expect(der, r.end(), Der.INTEGER);
        byte[] out = new byte[2 * c];
        System.arraycopy(KeyFields.be(Der.integer(der, r), c), 0, out, 0, c);
        System.arraycopy(KeyFields.be(Der.integer(der, s), c), 0, out, c, c);
        return out;
    }
}
