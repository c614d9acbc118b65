package io.fuseline.esp.efuse;

/** Little-endian word and bit helpers for eFuse memory (byte i of a block = bits 8i..8i+7 of its words). */
final class Words {
    private Words() {
    }

    static int littleEndian(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }

    static void putLittleEndian(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
        b[offset + 2] = (byte) (value >>> 16);
        b[offset + 3] = (byte) (value >>> 24);
    }

    /** Bytes in memory order to words (length must be a multiple of 4). */
    static int[] toWords(byte[] bytes) {
        int[] w = new int[bytes.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = littleEndian(bytes, 4 * i);
        }
        return w;
    }

    /** Words to bytes in memory order. */
    static byte[] toBytes(int[] words) {
        byte[] b = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            putLittleEndian(b, 4 * i, words[i]);
        }
        return b;
    }

    static boolean bit(int[] words, int bit) {
        return bit / 32 < words.length && ((words[bit / 32] >>> (bit % 32)) & 1) != 0;
    }

    static void setBit(int[] words, int bit) {
        words[bit / 32] |= 1 << (bit % 32);
    }

    /** Bits [from, from + length) of the words as an unsigned number (length up to 63). */
    static long bits(int[] words, int from, int length) {
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = (v << 1) | (bit(words, from + i) ? 1 : 0);
        }
        return v;
    }

    /** Bits [from, from + 8 * n) as n bytes, lowest bits first (memory order for byte-aligned fields). */
    static byte[] bytes(int[] words, int from, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) bits(words, from + 8 * i, 8);
        }
        return out;
    }

    static boolean isZero(int[] words) {
        for (int w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
