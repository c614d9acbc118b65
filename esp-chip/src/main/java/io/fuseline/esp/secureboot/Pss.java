package io.fuseline.esp.secureboot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * EMSA-PSS encoding (RFC 8017 §9.1.1) with SHA-256, MGF1-SHA-256 and a 32-byte salt, for a key of
 * {@code modulusBits}. The JDK's {@code RSASSA-PSS} only signs whole messages; Secure Boot V2 signers get a
 * digest (an HSM never sees the image), so the encoding is done here and the RSA operation by the key's
 * provider. Stateless, thread-safe.
 */
final class Pss {
    private static final int H_LEN = 32;
    private static final int S_LEN = 32;

    private Pss() {
    }

    static byte[] encode(byte[] mHash, int modulusBits, SecureRandom random) {
        int emBits = modulusBits - 1;
        int emLen = (emBits + 7) / 8;
        byte[] salt = new byte[S_LEN];
        random.nextBytes(salt);
        MessageDigest sha = sha256();
        sha.update(new byte[8]);
        sha.update(mHash);
        sha.update(salt);
        byte[] h = sha.digest();
        int dbLen = emLen - H_LEN - 1;
        byte[] em = new byte[emLen];
        em[dbLen - S_LEN - 1] = 0x01; // DB = PS (zeros) ‖ 0x01 ‖ salt
        System.arraycopy(salt, 0, em, dbLen - S_LEN, S_LEN);
        byte[] mask = mgf1(h, dbLen);
        for (int i = 0; i < dbLen; i++) {
            em[i] ^= mask[i];
        }
        em[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
        System.arraycopy(h, 0, em, dbLen, H_LEN);
        em[emLen - 1] = (byte) 0xBC;
        return em;
    }

    private static byte[] mgf1(byte[] seed, int length) {
        byte[] out = new byte[length];
        MessageDigest sha = sha256();
        for (int counter = 0, pos = 0; pos < length; counter++, pos += H_LEN) {
            sha.update(seed);
            sha.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] block = sha.digest();
            System.arraycopy(block, 0, out, pos, Math.min(H_LEN, length - pos));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
