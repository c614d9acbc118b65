package io.fuseline.esp.efuse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Key material on its way into an eFuse block, in the order {@code espsecure} / {@code espefuse burn_key} read it
 * from a key file (before any byte reversal). Holds its own copy, zeroizes it on {@link #close()}, and never
 * prints it: {@link #toString()} shows the length and a key check value (first 3 bytes of SHA-256).
 * Not thread-safe against a concurrent {@code close()}.
 */
public final class EfuseKey implements AutoCloseable {
    private final byte[] key;
    private final String checkValue;
    private boolean closed;

    private EfuseKey(byte[] key) {
        this.key = key.clone();
        this.checkValue = checkValue(this.key);
    }

    /** Copies the bytes; the caller may wipe its array afterwards. */
    public static EfuseKey copyOf(byte[] key) {
        return new EfuseKey(key);
    }

    public int length() { return key.length; }

    /** A copy of the key bytes; fails after {@link #close()}. */
    public byte[] bytes() {
        if (closed) {
            throw new IllegalStateException("key material was closed");
        }
        return key.clone();
    }

    /** The key check value: hex of the first 3 bytes of SHA-256(key); safe to log. */
    public String checkValue() { return checkValue; }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "EfuseKey[" + key.length + " bytes, kcv=" + checkValue + "]";
    }

    private static String checkValue(byte[] key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
