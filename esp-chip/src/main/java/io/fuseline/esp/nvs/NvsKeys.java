package io.fuseline.esp.nvs;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two XTS-AES-256 keys of NVS encryption: the data key (the generator's {@code eky}) and the tweak key
 * ({@code tky}), 32 bytes each. Holds its own copies; {@link #close()} overwrites them with zeros, after which
 * every method but {@code close} and {@code toString} throws. {@code toString} shows a key check value, never
 * a key. Not thread-safe against a concurrent {@code close}.
 */
public final class NvsKeys implements AutoCloseable {
    /** Bytes of each key. */
    public static final int KEY_LENGTH = 32;
    /** Size of the nvs_keys partition image: one flash sector. */
    public static final int PARTITION_SIZE = 4096;
    // Seeds of the HMAC scheme (ESP-IDF nvs_sec_provider): each 4-byte element repeated 8 times
    private static final byte[] HMAC_DATA_SEED = {0x5A, 0x5A, (byte) 0xBE, (byte) 0xAE};
    private static final byte[] HMAC_TWEAK_SEED = {(byte) 0xA5, (byte) 0xA5, (byte) 0xDE, (byte) 0xCE};

    private final byte[] dataKey;
    private final byte[] tweakKey;
    private boolean closed;

    private NvsKeys(byte[] dataKey, byte[] tweakKey) {
        if (dataKey == null || tweakKey == null || dataKey.length != KEY_LENGTH || tweakKey.length != KEY_LENGTH) {
            throw new NvsException(new NvsProblem.InvalidKeys("the data key and the tweak key are 32 bytes each"));
        }
        this.dataKey = dataKey.clone();
        this.tweakKey = tweakKey.clone();
    }

    /** Keys from a 32-byte data key and a 32-byte tweak key (copied). */
    public static NvsKeys of(byte[] dataKey, byte[] tweakKey) {
        return new NvsKeys(dataKey, tweakKey);
    }

    /**
     * Keys from an nvs_keys partition image (or the generator's keys file): data key ‖ tweak key, then their
     * CRC-32 at offset 64, which must match.
     */
    public static NvsKeys fromPartition(byte[] nvsKeys) {
        if (nvsKeys == null || nvsKeys.length < 2 * KEY_LENGTH + 4) {
            throw new NvsException(new NvsProblem.InvalidKeys("an nvs_keys image has at least 68 bytes"));
        }
        int stored = NvsLayout.u32(nvsKeys, 2 * KEY_LENGTH);
        int computed = NvsCrc.of(nvsKeys, 0, 2 * KEY_LENGTH);
        if (stored != computed) {
            throw new NvsException(new NvsProblem.InvalidKeys(String.format(
                    "nvs_keys CRC mismatch: stored 0x%08x, computed 0x%08x (not an nvs_keys partition, or "
                            + "still flash-encrypted)", stored, computed)));
        }
        return new NvsKeys(Arrays.copyOf(nvsKeys, KEY_LENGTH), Arrays.copyOfRange(nvsKeys, KEY_LENGTH, 2 * KEY_LENGTH));
    }

    /**
     * The keys the HMAC-based scheme derives on the chip from an HMAC_UP eFuse key (ESP32-C3/S3...):
     * data key = HMAC-SHA256(hmacKey, 5A5ABEAE x 8), tweak key = HMAC-SHA256(hmacKey, A5A5DECE x 8).
     */
    public static NvsKeys derivedFromHmacKey(byte[] hmacKey) {
        if (hmacKey == null || hmacKey.length == 0) {
            throw new NvsException(new NvsProblem.InvalidKeys("the HMAC key is empty"));
        }
        byte[] e = null;
        byte[] t = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            e = mac.doFinal(repeat(HMAC_DATA_SEED));
            t = mac.doFinal(repeat(HMAC_TWEAK_SEED));
            return new NvsKeys(e, t);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", ex);
        } finally {
            wipe(e);
            wipe(t);
        }
    }

    /**
     * The nvs_keys partition image: data key ‖ tweak key, their CRC-32 (little-endian) at offset 64, 0xFF to
     * 4096 bytes. On a device this partition is flagged {@code encrypted} and flash-encrypted when written.
     */
    public byte[] nvsKeysPartition() {
        checkOpen();
        byte[] image = new byte[PARTITION_SIZE];
        Arrays.fill(image, (byte) 0xFF);
        System.arraycopy(dataKey, 0, image, 0, KEY_LENGTH);
        System.arraycopy(tweakKey, 0, image, KEY_LENGTH, KEY_LENGTH);
        NvsLayout.putU32(image, 2 * KEY_LENGTH, NvsCrc.of(image, 0, 2 * KEY_LENGTH));
        return image;
    }

    /** A copy of the data key. */
    public byte[] dataKey() {
        checkOpen();
        return dataKey.clone();
    }

    /** A copy of the tweak key. */
    public byte[] tweakKey() {
        checkOpen();
        return tweakKey.clone();
    }

    /** The first 3 bytes of AES-256(data key, 0^128) in hex: identifies the keys in logs. */
    public String keyCheckValue() {
        checkOpen();
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"));
            return HexFormat.of().formatHex(aes.doFinal(new byte[16]), 0, 3);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding is mandatory in every JDK", e);
        }
    }

    /** Package use: the encryption builds its ciphers straight from the held keys. */
    NvsXts xts() {
        checkOpen();
        return new NvsXts(dataKey, tweakKey);
    }

    @Override
    public void close() {
        wipe(dataKey);
        wipe(tweakKey);
        closed = true;
    }

    /** Constant-time comparison of both keys. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NvsKeys k && !closed && !k.closed
                && MessageDigest.isEqual(dataKey, k.dataKey) && MessageDigest.isEqual(tweakKey, k.tweakKey);
    }

    @Override
    public int hashCode() {
        return 0x4E5653; // keys never feed a hash table's spread: a hash would leak key bits
    }

    @Override
    public String toString() {
        return closed ? "NvsKeys[closed]" : "NvsKeys[kcv=" + keyCheckValue() + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these NvsKeys were closed");
        }
    }

    private static byte[] repeat(byte[] element) {
        byte[] seed = new byte[element.length * 8];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = element[i % element.length];
        }
        return seed;
    }

    private static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }
}
