package io.fuseline.schemas.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Key check values: a short name for a key that reveals nothing about it, so records can say which key was
 * wrapped, delivered or burned. Definition (docs/key-policy.md):
 * <ul>
 *   <li>a secret key: the first 8 bytes of {@code SHA-256("fuseline/kcv/v1" || key bytes)}, as 16 lowercase hex
 *       digits; a PKCS#11 token computes it in place with {@code C_DigestInit(CKM_SHA256)},
 *       {@code C_DigestUpdate(prefix)}, {@code C_DigestKey(key)}, so the key never leaves the token;</li>
 *   <li>a key pair (the device identity key): the same over the public key's X.509 SubjectPublicKeyInfo DER, which
 *       a station can check against the device certificate.</li>
 * </ul>
 * Stateless, thread-safe.
 */
public final class KeyCheckValue {
    /** Bytes of the check value; 16 hex digits. */
    public static final int BYTES = 8;
    private static final byte[] DOMAIN = "fuseline/kcv/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern TEXT = Pattern.compile("[0-9a-f]{" + 2 * BYTES + "}");

    private KeyCheckValue() {
    }

    /** The prefix hashed before the key bytes (a copy). */
    public static byte[] domain() {
        return DOMAIN.clone();
    }

    /** The check value of a secret key's bytes. */
    public static String ofSecret(byte[] key) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(key);
        return fromDigest(sha.digest());
    }

    /** The check value of a key pair, computed from its public half. */
    public static String ofPublicKey(PublicKey key) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(key.getEncoded());
        return fromDigest(sha.digest());
    }

    /** The check value from a full {@code SHA-256(domain || key)} computed elsewhere (e.g. in a token). */
    public static String fromDigest(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + sha256.length);
        }
        return HexFormat.of().formatHex(Arrays.copyOf(sha256, BYTES));
    }

    /** Returns {@code kcv} if it is 16 lowercase hex digits, else fails naming the expected form. */
    public static String requireValid(String kcv) {
        if (kcv == null || !TEXT.matcher(kcv).matches()) {
            throw new IllegalArgumentException("a key check value is " + 2 * BYTES + " lowercase hex digits, got '"
                    + kcv + "'");
        }
        return kcv;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
