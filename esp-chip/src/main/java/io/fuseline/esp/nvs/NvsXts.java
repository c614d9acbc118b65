package io.fuseline.esp.nvs;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES-256 as NVS encryption uses it (IEEE 1619): one 32-byte entry per data unit, tweak = the entry's
 * offset inside the partition as a 128-bit little-endian number, no byte reversal. The flash encryption's XTS
 * ({@code io.fuseline.esp.flash}) does not fit: 128-byte units, byte-reversed data. Not thread-safe.
 */
final class NvsXts {
    private static final int UNIT = NvsLayout.ENTRY_SIZE;
    private final Cipher dataEncrypt;
    private final Cipher dataDecrypt;
    private final Cipher tweakEncrypt;
    private final byte[] tweak = new byte[16];
    private final byte[] block = new byte[16];

    NvsXts(byte[] dataKey, byte[] tweakKey) {
        try {
            dataEncrypt = Cipher.getInstance("AES/ECB/NoPadding");
            dataEncrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"));
            dataDecrypt = Cipher.getInstance("AES/ECB/NoPadding");
            dataDecrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"));
            tweakEncrypt = Cipher.getInstance("AES/ECB/NoPadding");
            tweakEncrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(tweakKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding is mandatory in every JDK", e);
        }
    }

    /** Encrypts (or decrypts) the 32-byte unit at {@code b[off]} in place; {@code position} is its tweak. */
    void process(byte[] b, int off, long position, boolean encrypt) {
        Arrays.fill(tweak, (byte) 0);
        for (int i = 0; i < 8; i++) {
            tweak[i] = (byte) (position >>> (8 * i));
        }
        Cipher data = encrypt ? dataEncrypt : dataDecrypt;
        try {
            tweakEncrypt.doFinal(tweak, 0, 16, tweak, 0);
            for (int j = 0; j < UNIT; j += 16) {
                for (int i = 0; i < 16; i++) {
                    block[i] = (byte) (b[off + j + i] ^ tweak[i]);
                }
                data.doFinal(block, 0, 16, block, 0);
                for (int i = 0; i < 16; i++) {
                    b[off + j + i] = (byte) (block[i] ^ tweak[i]);
                }
                timesAlpha(tweak);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES on 16-byte blocks cannot fail", e);
        }
    }

    /** Multiplies the tweak by x in GF(2^128), little-endian byte order as IEEE 1619 specifies. */
    private static void timesAlpha(byte[] t) {
        int carry = (t[15] >>> 7) & 1;
        for (int i = 15; i > 0; i--) {
            t[i] = (byte) ((t[i] << 1) | ((t[i - 1] >>> 7) & 1));
        }
        t[0] = (byte) ((t[0] << 1) ^ (carry * 0x87));
    }
}
