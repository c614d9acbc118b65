package io.fuseline.esp.flash;

import java.math.BigInteger;

/**
 * The ESP32's per-32-byte key tweak: address bits 5..23 XORed into the 256-bit flash encryption key at
 * positions fixed by silicon, in the ranges that FLASH_CRYPT_CONFIG enables (NOTES §a.2).
 *
 * <p>Key bits are numbered MSB-first over the key bytes (bit 0 = {@code 0x80} of byte 0) and held as four
 * big-endian longs: bit n is bit {@code 63 - n % 64} of word {@code n / 64}. Immutable, thread-safe.
 */
final class Esp32KeyTweak {
    /** Address bit 24 and up: outside the ESP32's flash address space (16 MB). */
    static final long CHIP_ADDRESS_LIMIT = 1L << 24;

    private static final int KEY_BITS = 256;
    private static final int LOW_BIT = 5;
    private static final int HIGH_BIT = 23;
    private static final int COPY_BITS = HIGH_BIT - LOW_BIT + 1;
    /** FLASH_CRYPT_CONFIG bit i enables key bits [RANGE_START[i], RANGE_START[i + 1]). */
    private static final int[] RANGE_START = {0, 67, 132, 195, 256};
    /** Each range holds three copies of address bits 23..5, then a shorter copy from this bit down to 5. */
    private static final int[] TAIL_TOP = {14, 12, 10, 8};

    /** For address bit {@code LOW_BIT + i}: the key bits it flips, as four words; only enabled ranges. */
    private final long[][] flips = new long[COPY_BITS][4];
    // espsecure's integer formulation, kept only to reproduce its output for addresses >= 16 MB.
    private BigInteger fullCopies = BigInteger.ZERO;
    private BigInteger tailCopies = BigInteger.ZERO;
    private BigInteger tailMask = BigInteger.ZERO;
    private BigInteger rangeMask = BigInteger.ZERO;

    Esp32KeyTweak(int flashCryptConfig) {
        for (int range = 0; range < 4; range++) {
            boolean enabled = ((flashCryptConfig >> range) & 1) != 0;
            int n = RANGE_START[range];
            for (int copy = 0; copy < 4; copy++) {
                int top = copy < 3 ? HIGH_BIT : TAIL_TOP[range];
                int anchor = KEY_BITS - 1 - (n + top - LOW_BIT); // integer bit that receives address bit 5
                if (copy < 3) {
                    fullCopies = fullCopies.setBit(anchor);
                } else {
                    tailCopies = tailCopies.setBit(anchor);
                }
                for (int bit = top; bit >= LOW_BIT; bit--, n++) {
                    if (copy == 3) {
                        tailMask = tailMask.setBit(KEY_BITS - 1 - n);
                    }
                    if (enabled) {
                        flips[bit - LOW_BIT][n >>> 6] |= 1L << (63 - (n & 63));
                        rangeMask = rangeMask.setBit(KEY_BITS - 1 - n);
                    }
                }
            }
            assert n == RANGE_START[range + 1];
        }
    }

    /**
     * Writes into {@code key} (four words) {@code base} tweaked for the 32-byte block at {@code address}, as
     * the chip does: only address bits 5..23 take part.
     */
    void tweak(long[] base, long address, long[] key) {
        long w0 = base[0], w1 = base[1], w2 = base[2], w3 = base[3];
        int bits = (int) (address >>> LOW_BIT) & ((1 << COPY_BITS) - 1);
        while (bits != 0) {
            long[] f = flips[Integer.numberOfTrailingZeros(bits)];
            w0 ^= f[0];
            w1 ^= f[1];
            w2 ^= f[2];
            w3 ^= f[3];
            bits &= bits - 1;
        }
        key[0] = w0;
        key[1] = w1;
        key[2] = w2;
        key[3] = w3;
    }

    /**
     * Like {@link #tweak} but reproduces espsecure for any address: it multiplies {@code address >> 5} into
     * the key positions as a 256-bit integer, so from 16 MB on the copies carry into each other. Below
     * 16 MB both agree (and this method delegates to the fast path).
     */
    void tweakLikeEspsecure(long[] base, long address, long[] key) {
        if (address < CHIP_ADDRESS_LIMIT) {
            tweak(base, address, key);
            return;
        }
        BigInteger v = BigInteger.valueOf(address >>> LOW_BIT);
        BigInteger t = v.multiply(fullCopies).or(v.multiply(tailCopies).and(tailMask)).and(rangeMask);
        for (int w = 0; w < 4; w++) {
            key[w] = base[w] ^ t.shiftRight(64 * (3 - w)).longValue();
        }
    }
}
