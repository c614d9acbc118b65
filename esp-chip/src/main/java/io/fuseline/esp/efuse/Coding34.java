package io.fuseline.esp.efuse;

import java.util.Arrays;

/**
 * The ESP32 "3/4" eFuse coding (CODING_SCHEME = 1) of BLOCK1-3, bit-compatible with espefuse: 24 data bytes
 * (eFuse memory order) form 4 chunks of 6 bytes; each chunk is followed by the XOR of its bytes and by
 * {@code sum((i + 1) * popcount(byte_i)) mod 256}, giving 32 bytes = the 8 words written to the block's write
 * registers. Stateless and thread-safe.
 */
public final class Coding34 {
    /** Data bytes per block under 3/4 coding. */
    public static final int DATA_BYTES = 24;
    /** Encoded bytes per block. */
    public static final int ENCODED_BYTES = 32;
    /** Data bytes per chunk. */
    public static final int CHUNK_BYTES = 6;

    private Coding34() {
    }

    /** Encodes 24 data bytes into 32. */
    public static byte[] encode(byte[] data) {
        if (data.length != DATA_BYTES) {
            throw new IllegalArgumentException("3/4 coding encodes 24 bytes, got " + data.length);
        }
        byte[] out = new byte[ENCODED_BYTES];
        for (int chunk = 0; chunk < 4; chunk++) {
            int xor = 0;
            int weighted = 0;
            for (int i = 0; i < CHUNK_BYTES; i++) {
                int b = data[chunk * CHUNK_BYTES + i] & 0xFF;
                out[chunk * 8 + i] = (byte) b;
                xor ^= b;
                weighted += (i + 1) * Integer.bitCount(b);
            }
            out[chunk * 8 + 6] = (byte) xor;
            out[chunk * 8 + 7] = (byte) weighted;
        }
        return out;
    }

    /** The 24 data bytes of 32 encoded bytes, without checking them. */
    public static byte[] data(byte[] encoded) {
        if (encoded.length != ENCODED_BYTES) {
            throw new IllegalArgumentException("3/4 coding decodes 32 bytes, got " + encoded.length);
        }
        byte[] out = new byte[DATA_BYTES];
        for (int chunk = 0; chunk < 4; chunk++) {
            System.arraycopy(encoded, chunk * 8, out, chunk * CHUNK_BYTES, CHUNK_BYTES);
        }
        return out;
    }

    /** Whether every chunk's check bytes match its data (the check espefuse's emulated controller makes). */
    public static boolean isValid(byte[] encoded) {
        return encoded.length == ENCODED_BYTES && Arrays.equals(encode(data(encoded)), encoded);
    }
}
