package io.fuseline.esp.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 appended to an image ({@code hash_appended = 1}) and the one computed over the image bytes
 * from offset 0 up to and including the checksum byte.
 */
public record ImageDigest(byte[] stored, byte[] computed) {
    /** Length of the appended digest. */
    public static final int LENGTH = 32;

    public ImageDigest {
        stored = stored.clone();
        computed = computed.clone();
    }

    @Override
    public byte[] stored() {
        return stored.clone();
    }

    @Override
    public byte[] computed() {
        return computed.clone();
    }

    /** True if the stored digest equals the computed one. */
    public boolean valid() {
        return MessageDigest.isEqual(stored, computed);
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageDigest d && Arrays.equals(stored, d.stored) && Arrays.equals(computed, d.computed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stored) * 31 + Arrays.hashCode(computed);
    }

    @Override
    public String toString() {
        return "ImageDigest[stored=" + HexFormat.of().formatHex(stored) + ", computed="
                + HexFormat.of().formatHex(computed) + "]";
    }
}
