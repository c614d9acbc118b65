package io.fuseline.schemas.envelope;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secret in memory: a flash-encryption key, NVS keys, or a PKCS#8 private key. It zeroizes its bytes on
 * {@link #close()} and never prints them: {@link #toString()} shows the length and the key check value only.
 * Equality is identity, so no code path compares secret bytes in variable time. Not thread-safe for concurrent
 * use and close.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] value;
    private final String kcv;
    private boolean closed;

    private SecretBytes(byte[] value, String kcv) {
        this.value = value;
        this.kcv = kcv;
    }

    /**
     * Takes ownership of {@code value} (no copy): the caller must drop its reference. The key check value is
     * {@link KeyCheckValue#ofSecret}.
     */
    public static SecretBytes adopt(byte[] value) {
        Objects.requireNonNull(value, "value");
        return new SecretBytes(value, KeyCheckValue.ofSecret(value));
    }

    /** Takes ownership of {@code value} with a key check value computed elsewhere (e.g. of a public key). */
    public static SecretBytes adopt(byte[] value, String kcv) {
        Objects.requireNonNull(value, "value");
        return new SecretBytes(value, KeyCheckValue.requireValid(kcv));
    }

    /** Length in bytes; still known after close. */
    public int length() {
        return value.length;
    }

    /** The key check value (lowercase hex), safe to log. */
    public String kcv() {
        return kcv;
    }

    /** A copy of the secret, which the caller zeroizes after use. Fails after {@link #close()}. */
    public byte[] copy() {
        requireOpen();
        return value.clone();
    }

    /** Runs {@code use} on a copy of the secret and zeroizes that copy afterwards, even on failure. */
    public <R> R apply(Function<byte[], R> use) {
        byte[] copy = copy();
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Overwrites the secret with zeros. Idempotent. */
    @Override
    public void close() {
        Arrays.fill(value, (byte) 0);
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("secret kcv " + kcv + " was already zeroized");
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[" + value.length + " bytes, kcv " + kcv + (closed ? ", zeroized]" : "]");
    }
}
