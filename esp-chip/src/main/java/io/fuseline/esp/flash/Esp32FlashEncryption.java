package io.fuseline.esp.flash;

import java.util.Arrays;

/**
 * ESP32 flash encryption: AES-256 whose key is tweaked by the address of every 32-byte block, with the AES
 * primitive inverted (encrypting flash runs AES <em>decrypt</em>) over byte-reversed 16-byte blocks
 * (NOTES §a.2). Not thread-safe, use one instance per thread.
 *
 * <p>The key changes every 32 bytes, so the AES is our own {@code Aes256Block} rather than JCE: a
 * {@code Cipher.init} per 32 bytes costs ~1.5–1.9 µs on OpenJDK 17 and held this mode to ~31 MB/s. See
 * {@code Aes256Block} for where that implementation is fit to run (T-tables: cache-timing caveat).
 */
public final class Esp32FlashEncryption implements FlashEncryption {
    private static final int RUN = 32;

    private final long[] baseKey = new long[4];
    private final Esp32KeyTweak tweak;
    private final int flashCryptConfig;
    private final boolean espsecureAddresses;
    private final String keyCheckValue;
    private final Aes256Block aes = new Aes256Block();
    private final long[] runKeyWords = new long[4];
    private final byte[] runKey = new byte[32];
    private final byte[] block = new byte[16];
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
        byte[] check = new byte[16];
        aes.setKey(full);
        aes.encryptBlock(check, 0, check, 0);
        this.keyCheckValue = ByteViews.kcv(check);
        aes.clear();
        Arrays.fill(full, (byte) 0);
    }

    /** The FLASH_CRYPT_CONFIG this instance tweaks with (0x0..0xF). */
    public int flashCryptConfig() { return flashCryptConfig; }

    /** True if addresses at or above 16 MB follow espsecure's arithmetic rather than being refused. */
    public boolean espsecureCompatibleAddresses() { return espsecureAddresses; }

    @Override
    public void encrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, true);
    }

    @Override
    public void decrypt(long address, byte[] in, int off, int len, byte[] out, int outOff) {
        process(address, in, off, len, out, outOff, false);
    }

    /** @param encrypting true to encrypt flash, which runs the AES <em>decrypt</em> primitive (NOTES §a.2) */
    private void process(long address, byte[] in, int off, int len, byte[] out, int outOff, boolean encrypting) {
        if (closed) {
            throw new IllegalStateException("this FlashEncryption was closed");
        }
        long limit = espsecureAddresses ? FlashEncryption.ADDRESS_LIMIT : Esp32KeyTweak.CHIP_ADDRESS_LIMIT;
        Arguments.check(address, in, off, len, out, outOff, limit, "ESP32");
        int done = 0;
        while (done < len) {
            long a = address + done;
            int n = (int) Math.min(len - done, RUN - (a & (RUN - 1))); // up to the next key change
            setRunKey(a & ~(RUN - 1L));
            for (int b = 0; b < n; b += 16) {
                ByteViews.reverse16(in, off + done + b, block, 0);
                if (encrypting) {
                    aes.decryptBlock(block, 0, block, 0);
                } else {
                    aes.encryptBlock(block, 0, block, 0);
                }
                ByteViews.reverse16(block, 0, out, outOff + done + b);
            }
            done += n;
        }
    }

    private void setRunKey(long runAddress) {
        if (espsecureAddresses) {
            tweak.tweakLikeEspsecure(baseKey, runAddress, runKeyWords);
        } else {
            tweak.tweak(baseKey, runAddress, runKeyWords);
        }
        for (int w = 0; w < 4; w++) {
            ByteViews.BE.set(runKey, 8 * w, runKeyWords[w]);
        }
        aes.setKey(runKey);
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(baseKey, 0);
        Arrays.fill(runKeyWords, 0);
        Arrays.fill(runKey, (byte) 0);
        Arrays.fill(block, (byte) 0);
        aes.clear();
    }

    @Override
    public String toString() {
        return "FlashEncryption[ESP32 AES-256, FLASH_CRYPT_CONFIG=0x" + Integer.toHexString(flashCryptConfig)
                + (espsecureAddresses ? ", espsecure addresses" : "") + ", kcv=" + keyCheckValue + "]";
    }
}
