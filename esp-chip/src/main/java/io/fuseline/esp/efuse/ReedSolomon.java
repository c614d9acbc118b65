package io.fuseline.esp.efuse;

/**
 * The RS(44,32) code of the ESP32-S3/C3 eFuse controller, bit-compatible with espefuse ({@code reedsolo}
 * {@code RSCodec(12)} defaults): GF(2^8) with primitive polynomial 0x11D, generator alpha = 2, first
 * consecutive root alpha^0, so g(x) = (x - alpha^0)(x - alpha^1)...(x - alpha^11). Systematic: the 32 data bytes
 * (eFuse memory order) are followed by 12 parity bytes; as little-endian words, 8 go to PGM_DATA0..7 and 3 to
 * PGM_CHECK_VALUE0..2. Stateless and thread-safe.
 */
public final class ReedSolomon {
    /** Data bytes per block. */
    public static final int DATA_BYTES = 32;
    /** Parity bytes per block. */
    public static final int PARITY_BYTES = 12;

    private static final int PRIMITIVE = 0x11D;
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    private static final int[] GENERATOR;

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if ((x & 0x100) != 0) {
                x ^= PRIMITIVE;
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
        int[] g = {1};
        for (int i = 0; i < PARITY_BYTES; i++) {
            g = multiplyByLinear(g, EXP[i]);
        }
        GENERATOR = g;
    }

    private ReedSolomon() {
    }

    /** The 12 parity bytes for 32 data bytes. */
    public static byte[] parity(byte[] data) {
        if (data.length != DATA_BYTES) {
            throw new IllegalArgumentException("RS(44,32) encodes 32 bytes, got " + data.length);
        }
        int[] remainder = new int[PARITY_BYTES];
        for (byte b : data) {
            int feedback = (b & 0xFF) ^ remainder[0];
            for (int j = 0; j < PARITY_BYTES - 1; j++) {
                remainder[j] = remainder[j + 1] ^ multiply(feedback, GENERATOR[j + 1]);
            }
            remainder[PARITY_BYTES - 1] = multiply(feedback, GENERATOR[PARITY_BYTES]);
        }
        byte[] out = new byte[PARITY_BYTES];
        for (int i = 0; i < PARITY_BYTES; i++) {
            out[i] = (byte) remainder[i];
        }
        return out;
    }

    /** The 44-byte codeword: the data followed by its parity. */
    public static byte[] encode(byte[] data) {
        byte[] parity = parity(data);
        byte[] out = new byte[DATA_BYTES + PARITY_BYTES];
        System.arraycopy(data, 0, out, 0, DATA_BYTES);
        System.arraycopy(parity, 0, out, DATA_BYTES, PARITY_BYTES);
        return out;
    }

    /** Whether 44 bytes form a valid codeword (the check espefuse's emulated controller makes). */
    public static boolean isCodeword(byte[] codeword) {
        if (codeword.length != DATA_BYTES + PARITY_BYTES) {
            return false;
        }
        byte[] data = java.util.Arrays.copyOf(codeword, DATA_BYTES);
        return java.util.Arrays.equals(encode(data), codeword);
    }

    static int multiply(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[LOG[a] + LOG[b]];
    }

    /** p(x) * (x + root), coefficients highest degree first. */
    private static int[] multiplyByLinear(int[] p, int root) {
        int[] out = new int[p.length + 1];
        for (int i = 0; i < p.length; i++) {
            out[i] ^= p[i];
            out[i + 1] ^= multiply(p[i], root);
        }
        return out;
    }
}
