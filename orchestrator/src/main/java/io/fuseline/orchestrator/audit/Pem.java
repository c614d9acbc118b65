package io.fuseline.orchestrator.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** EC keys as PEM text (public: SubjectPublicKeyInfo, private: PKCS#8), with plain JCA. */
public final class Pem {
    private Pem() {
    }

    public static String publicKey(PublicKey key) {
        return wrap("PUBLIC KEY", key.getEncoded());
    }

    public static String privateKey(PrivateKey key) {
        return wrap("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads an EC public key ({@code -----BEGIN PUBLIC KEY-----}).
     *
     * @throws IllegalArgumentException if the text is not such a key
     */
    public static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(unwrap(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key in PEM (BEGIN PUBLIC KEY)", e);
        }
    }

    /**
     * Reads an EC private key ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8, unencrypted).
     *
     * @throws IllegalArgumentException if the text is not such a key (the message never quotes it)
     */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unwrap(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC private key in PEM (BEGIN PRIVATE KEY, PKCS#8)");
        }
    }

    /** A key's id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String wrap(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset
                .StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] unwrap(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + begin + " block found");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("the " + label + " block is not base64");
        }
    }
}
