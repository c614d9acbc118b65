package io.fuseline.esp.secureboot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;

/**
 * The Secure Boot V2 public-key digest, as {@code espsecure digest_sbv2_public_key} computes it: SHA-256 of
 * the key fields of a signature block (NOTES §b.4). These 32 bytes are burned unreversed into eFuse (ESP32
 * BLOCK2; ESP32-S3/C3 a key block with purpose SECURE_BOOT_DIGESTn). Stateless, thread-safe.
 */
public final class PublicKeyDigest {
    private PublicKeyDigest() {
    }

    /** @param key an RSA-3072 or ECDSA P-192/P-256/P-384 public key */
    public static byte[] of(PublicKey key) {
        return sha256(KeyFields.encode(key));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
