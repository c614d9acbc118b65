package io.fuseline.hsm.vault.software;

import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/** The software token's key generation and signing (JCA, and Bouncy Castle for PSS over a digest). Thread-safe. */
final class SoftwareCrypto {
    private static final int PSS_SALT = 32;
    private final SecureRandom random = new SecureRandom();

    KeyPair generate(KeyType type) {
        try {
            if (type == KeyType.RSA_3072) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), random);
                return g.generateKeyPair();
            }
            return io.fuseline.schemas.envelope.P256.generate();
        } catch (GeneralSecurityException e) {
            throw failed("key generation", e);
        }
    }

    byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** RSA: PSS (SHA-256, MGF1-SHA-256, salt 32) over the digest; EC: ECDSA over the digest, r ‖ s. */
    byte[] signDigest(KeyType type, byte[] pkcs8, byte[] digest) {
        try {
            if (type == KeyType.RSA_3072) {
                PSSSigner pss = PSSSigner.createRawSigner(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(),
                        PSS_SALT, PSSSigner.TRAILER_IMPLICIT);
                pss.init(true, new ParametersWithRandom(PrivateKeyFactory.createKey(pkcs8), random));
                pss.update(digest, 0, digest.length);
                return pss.generateSignature();
            }
            Signature ecdsa = Signature.getInstance("NONEwithECDSAinP1363Format");
            ecdsa.initSign(privateKey(type, pkcs8), random);
            ecdsa.update(digest);
            return ecdsa.sign();
        } catch (GeneralSecurityException | IOException | CryptoException e) {
            throw failed("signing", e);
        }
    }

    static PublicKey publicKey(KeyType type, byte[] x509) {
        try {
            String algorithm = type == KeyType.RSA_3072 ? "RSA" : "EC";
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw failed("reading a public key", e);
        }
    }

    private static PrivateKey privateKey(KeyType type, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(type == KeyType.RSA_3072 ? "RSA" : "EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static VaultException failed(String what, Exception e) {
        return new VaultException(VaultError.TOKEN_ERROR, null, "software token " + what + " failed: "
                + e.getClass().getSimpleName(), null);
    }
}
