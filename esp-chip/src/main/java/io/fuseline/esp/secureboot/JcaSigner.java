package io.fuseline.esp.secureboot;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import javax.crypto.Cipher;

/**
 * A {@link Signer} over a JCA private key (software, e.g. read with {@link Pem}): for tests and
 * development, not for production keys. RSA: EMSA-PSS encoding here, the raw RSA operation by the
 * provider ({@code RSA/ECB/NoPadding}); ECDSA: {@code NONEwithECDSAinP1363Format} (P-256, P-384; the
 * JDK has no P-192). Thread-safe: every call creates its own JCA objects.
 */
public final class JcaSigner implements Signer {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final SecureRandom random = new SecureRandom();

    public JcaSigner(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("private key is " + privateKey.getAlgorithm() + ", public key is "
                    + publicKey.getAlgorithm());
        }
        KeyFields.schemeOf(publicKey); // refuses RSA sizes and curves Secure Boot V2 does not have
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads a private key PEM (with its public half) as espsecure's {@code --keyfile} takes it. */
    public static JcaSigner fromPem(String privateKeyPem) {
        return new JcaSigner(Pem.readPrivateKey(privateKeyPem), Pem.readPublicKey(privateKeyPem));
    }

    @Override
    public PublicKey publicKey() { return publicKey; }

    @Override
    public byte[] signDigest(byte[] imageDigest) {
        SignatureScheme scheme = scheme();
        if (imageDigest.length != scheme.digestLength()) {
            throw new IllegalArgumentException(scheme + " signs a " + scheme.digestLength() + "-byte digest, got "
                    + imageDigest.length + " bytes");
        }
        try {
            if (!scheme.isEcdsa()) {
                int bits = ((RSAKey) publicKey).getModulus().bitLength();
                Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
                rsa.init(Cipher.ENCRYPT_MODE, privateKey); // with a private key: the signing primitive
                return rsa.doFinal(Pss.encode(imageDigest, bits, random));
            }
            Signature ecdsa = Signature.getInstance("NONEwithECDSAinP1363Format");
            ecdsa.initSign(privateKey, random);
            ecdsa.update(imageDigest);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(scheme + " signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JcaSigner[" + scheme() + "]";
    }
}
