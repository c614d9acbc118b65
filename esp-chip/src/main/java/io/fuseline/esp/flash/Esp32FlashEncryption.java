package io.fuseline.esp.flash;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * ESP32 flash encryption: AES-256 whose key is tweaked by the address of every 32-byte block, with the AES
 * primitive inverted (encrypting flash runs AES <em>decrypt</em>) over byte-reversed 16-byte blocks
 * (NOTES §a.2). Holds one {@link Cipher}: not thread-safe, use one instance per thread.
 */
public final class Esp32FlashEncryption implements FlashEncryption {
    private static final int RUN = 32;

    private final long[] baseKey = new long[4];
    private final Esp32KeyTweak tweak;
    private final int flashCryptConfig;
    private final boolean espsecureAddresses;
    private final String keyCheckValue;
    private final Cipher aes;
    private final long[] runKeyWords = new long[4];
    private final byte[] runKey = new byte[32];
    private final byte[] scratch = new byte[RUN];
    private boolean closed;

    Esp32FlashEncryption(byte[] key, int flashCryptConfig, boolean espsecureAddresses) {
        if (key == null || (key.length != 32 && key.length != 24)) {
            throw new FlashEncryptionArgumentException("ESP32 flash encryption takes a 32-byte key (or 24 bytes "
                    + "under the 3/4 coding scheme), got " + (key == null ? "null" : key.length + " bytes"));
        }
        if (flashCryptConfig < 0 || flashCryptConfig > 0xF) {
            throw new FlashEncryptionArgumentException(
                    "FLASH_CRYPT_CONFIG must be 0x0..0xF, got 0x" + Integer.toHexString(flashCryptConfig));
        }
        byte[] full = Arrays.copyOf(key, 32);
        if (key.length == 24) {
            // 3/4 coding leaves 192 key bits; espsecure fills 256 by repeating bytes 8..15 (NOTES §a.1).
            System.arraycopy(key, 8, full, 24, 8);
        }
        for (int w = 0; w < 4; w++) {
            baseKey[w] = (long) ByteViews.BE.get(full, 8 * w);
        }
        this.tweak = new Esp32KeyTweak(flashCryptConfig);
        this.flashCryptConfig = flashCryptConfig;
        this.espsecureAddresses = espsecureAddresses;
        try {
            this.aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(full, "AES"));
            this.keyCheckValue = ByteViews.kcv(aes.doFinal(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding is mandatory in every JDK", e);
        } finally {
            Arrays.fill(full, (byte) 0);
        }
    }

    /** The FLASH_CRYPT_CONFIG this instance tweaks with (0x0..0xF). */
    public int flashCryptConfig() { return flashCryptConfig; }

    /** True if addresses at or above 16 MB follow espsecure's arithmetic rather than being refused. */
    public boolean espsecureCompatibleAddresses() { return espsecureAddresses; }

    @Override
    public void encrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, Cipher.DECRYPT_MODE);
    }

    @Override
    public void decrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, Cipher.ENCRYPT_MODE);
    }

    private void process(long address, byte[] in, int off, int len, byte[] out, int outOff, int aesMode) {
        if (closed) {
            throw new IllegalStateException("this FlashEncryption was closed");
        }
        long limit = espsecureAddresses ? FlashEncryption.ADDRESS_LIMIT : Esp32KeyTweak.CHIP_ADDRESS_LIMIT;
        Arguments.check(address, in, off, len, out, outOff, limit, "ESP32");
        int done = 0;
        while (done < len) {
            long a = address + done;
            int n = (int) Math.min(len - done, RUN - (a & (RUN - 1))); // up to the next key change
            init(a & ~(RUN - 1L), aesMode);
            for (int b = 0; b < n; b += 16) {
                ByteViews.reverse16(in, off + done + b, scratch, b);
            }
            try {
                aes.update(scratch, 0, n, scratch, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            for (int b = 0; b < n; b += 16) {
                ByteViews.reverse16(scratch, b, out, outOff + done + b);
            }
            done += n;
        }
    }

    private void init(long runAddress, int aesMode) {
        if (espsecureAddresses) {
            tweak.tweakLikeEspsecure(baseKey, runAddress, runKeyWords);
        } else {
            tweak.tweak(baseKey, runAddress, runKeyWords);
        }
        for (int w = 0; w < 4; w++) {
            ByteViews.BE.set(runKey, 8 * w, runKeyWords[w]);
        }
        try {
            aes.init(aesMode, new SecretKeySpec(runKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(baseKey, 0);
        Arrays.fill(runKeyWords, 0);
        Arrays.fill(runKey, (byte) 0);
        Arrays.fill(scratch, (byte) 0);
    }

    @Override
    public String toString() {
        return "FlashEncryption[ESP32 AES-256, FLASH_CRYPT_CONFIG=0x" + Integer.toHexString(flashCryptConfig)
                + (espsecureAddresses ? ", espsecure addresses" : "") + ", kcv=" + keyCheckValue + "]";
    }
}
