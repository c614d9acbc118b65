package io.fuseline.esp.efuse;

/**
 * Where a field's bits sit in its block's words: bit {@code word * 32 + pos} upwards, as in espefuse's tables.
 * Fields may cross word boundaries (ESP32-S3 CUSTOM_MAC).
 */
final class FieldBits {
    private FieldBits() {
    }

    static int firstBit(EfuseField f) {
        return f.word() * 32 + f.position();
    }

    /** A field of up to 63 bits as a number. */
    static long number(int[] blockWords, EfuseField f) {
        return Words.bits(blockWords, firstBit(f), f.bitLength());
    }

    /** The field's bytes in memory order ({@code bitLength} must be a multiple of 8). */
    static byte[] bytes(int[] blockWords, EfuseField f, int byteCount) {
        return Words.bytes(blockWords, firstBit(f), byteCount);
    }

    /** Words with the field's bits set to {@code value} (lowest bit first) and nothing else. */
    static int[] placeNumber(int blockWordCount, EfuseField f, long value) {
        int[] w = new int[blockWordCount];
        for (int i = 0; i < f.bitLength(); i++) {
            if (((value >>> i) & 1) != 0) {
                Words.setBit(w, firstBit(f) + i);
            }
        }
        return w;
    }

    /** Words with the field's bits set from bytes in memory order and nothing else. */
    static int[] placeBytes(int blockWordCount, EfuseField f, byte[] memoryOrder) {
        int[] w = new int[blockWordCount];
        for (int i = 0; i < memoryOrder.length * 8; i++) {
            if (((memoryOrder[i / 8] >>> (i % 8)) & 1) != 0) {
                Words.setBit(w, firstBit(f) + i);
            }
        }
        return w;
    }

    /** A mask of the field's bits within its block's words. */
    static int[] mask(int blockWordCount, EfuseField f) {
        int[] w = new int[blockWordCount];
        for (int i = 0; i < f.bitLength(); i++) {
            int bit = firstBit(f) + i;
            if (bit / 32 < blockWordCount) {
                Words.setBit(w, bit);
            }
        }
        return w;
    }
}
