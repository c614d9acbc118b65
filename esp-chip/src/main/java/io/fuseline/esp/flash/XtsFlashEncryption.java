package io.fuseline.esp.flash;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES flash encryption of the ESP32-S2/S3/C3 and later (IEEE 1619, 128-byte data units, no ciphertext
 * stealing), in the chips' byte order: every data unit is reversed before and after the cipher, and the
 * tweak is the unit's flash address, little-endian (NOTES §a.3).
 *
 * <p>The JDK has no XTS, so this builds it on {@code AES/ECB/NoPadding}: one call encrypts the tweaks of a
 * batch of units with K2, one call runs the whitened batch through K1. Holds three {@link Cipher}s and
 * work buffers: not thread-safe, use one instance per thread.
 */
public final class XtsFlashEncryption implements FlashEncryption {
    /** Bytes per XTS data unit on these chips. */
    public static final int DATA_UNIT = 128;
    private static final int BATCH_UNITS = 64;

    private final int keyBits;
    private final Cipher k1Encrypt;
    private final Cipher k1Decrypt;
    private final Cipher k2;
    private final String keyCheckValue;
    private final byte[] tweaks = new byte[BATCH_UNITS * 16];
    private final byte[] work = new byte[BATCH_UNITS * DATA_UNIT];
    private final byte[] partial = new byte[DATA_UNIT];
    private boolean closed;

    /** @param key K1 ‖ K2 in espsecure order: 32 bytes (XTS-AES-128) or 64 bytes (XTS-AES-256) */
    XtsFlashEncryption(byte[] key) {
        if (key == null || (key.length != 32 && key.length != 64)) {
            throw new FlashEncryptionArgumentException("XTS-AES flash encryption takes a 32-byte (XTS-AES-128) or "
                    + "64-byte (XTS-AES-256) key, got " + (key == null ? "null" : key.length + " bytes"));
        }
        int half = key.length / 2;
        this.keyBits = half * 8;
        SecretKeySpec dataKey = new SecretKeySpec(key, 0, half, "AES");
        try {
            k1Encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            k1Encrypt.init(Cipher.ENCRYPT_MODE, dataKey);
            k1Decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            k1Decrypt.init(Cipher.DECRYPT_MODE, dataKey);
            k2 = Cipher.getInstance("AES/ECB/NoPadding");
            k2.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, half, half, "AES"));
            keyCheckValue = ByteViews.kcv(k1Encrypt.doFinal(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding is mandatory in every JDK", e);
        }
    }

    /** 128 or 256: the AES key size of each XTS half. */
    public int keyBits() { return keyBits; }

    @Override
    public void encrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, k1Encrypt);
    }

    @Override
    public void decrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, k1Decrypt);
    }

    private void process(long address, byte[] in, int off, int len, byte[] out, int outOff, Cipher k1) {
        if (closed) {
            throw new IllegalStateException("this FlashEncryption was closed");
        }
        Arguments.check(address, in, off, len, out, outOff, FlashEncryption.ADDRESS_LIMIT, "XTS-AES");
        int done = 0;
        while (done < len) {
            long a = address + done;
            int lead = (int) (a % DATA_UNIT);
            int n;
            if (lead != 0 || len - done < DATA_UNIT) {
                // A unit the data covers only in part: zero-pad it to a whole unit. Each 16-byte block has
                // its own tweak, so the padding changes no other byte, and it is dropped again.
                n = Math.min(len - done, DATA_UNIT - lead);
                Arrays.fill(partial, (byte) 0);
                System.arraycopy(in, off + done, partial, lead, n);
                units(a - lead, partial, 0, 1, partial, 0, k1);
                System.arraycopy(partial, lead, out, outOff + done, n);
            } else {
                int count = Math.min((len - done) / DATA_UNIT, BATCH_UNITS);
                n = count * DATA_UNIT;
                units(a, in, off + done, count, out, outOff + done, k1);
            }
            done += n;
        }
    }

    /** Processes {@code count} whole units starting at unit address {@code unit}; in-place is allowed. */
    private void units(long unit, byte[] in, int off, int count, byte[] out, int outOff, Cipher k1) {
        Arrays.fill(tweaks, 0, count * 16, (byte) 0);
        for (int u = 0; u < count; u++) {
            // tweak = LE32(unit address) ‖ zeros; addresses are below 2^32 (checked).
            ByteViews.LE.set(tweaks, u * 16, unit + (long) u * DATA_UNIT);
        }
        try {
            k2.update(tweaks, 0, count * 16, tweaks, 0);
            whiten(in, off, count, work, 0, true);
            k1.update(work, 0, count * DATA_UNIT, work, 0);
            whiten(work, 0, count, out, outOff, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * XORs every 16-byte block with its tweak T_j = T_0·α^j (GF(2^128), little-endian) and reverses each
     * 128-byte unit: the chip's byte order. {@code reverseFirst} says whether the reversal applies to the
     * source (before the cipher) or to the result (after it); the XOR is the same either way.
     */
    private void whiten(byte[] src, int s, int count, byte[] dst, int d, boolean reverseFirst) {
        for (int u = 0; u < count; u++) {
            long lo = (long) ByteViews.LE.get(tweaks, u * 16);
            long hi = (long) ByteViews.LE.get(tweaks, u * 16 + 8);
            int su = s + u * DATA_UNIT;
            int du = d + u * DATA_UNIT;
            for (int k = 0; k < 16; k += 2) {
                if (reverseFirst) {
                    ByteViews.LE.set(dst, du + 8 * k, (long) ByteViews.BE.get(src, su + 120 - 8 * k) ^ lo);
                    ByteViews.LE.set(dst, du + 8 * k + 8, (long) ByteViews.BE.get(src, su + 112 - 8 * k) ^ hi);
                } else {
                    ByteViews.BE.set(dst, du + 120 - 8 * k, (long) ByteViews.LE.get(src, su + 8 * k) ^ lo);
                    ByteViews.BE.set(dst, du + 112 - 8 * k, (long) ByteViews.LE.get(src, su + 8 * k + 8) ^ hi);
                }
                long carry = hi >> 63; // all ones if bit 127 shifts out
                hi = (hi << 1) | (lo >>> 63);
                lo = (lo << 1) ^ (carry & 0x87);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(tweaks, (byte) 0);
        Arrays.fill(work, (byte) 0);
        Arrays.fill(partial, (byte) 0);
    }

    @Override
    public String toString() {
        return "FlashEncryption[XTS-AES-" + keyBits + ", kcv=" + keyCheckValue + "]";
    }
}
