package io.fuseline.esp.efuse;

/**
 * How the eFuse controller protects a block's data with redundancy. Chosen per block: BLOCK0 is never coded
 * (ESP32-S3/C3 keep four hardware copies instead); ESP32 BLOCK1-3 follow CODING_SCHEME; ESP32-S3/C3 BLOCK1
 * and up are always Reed-Solomon.
 */
public enum CodingScheme {
    /** 256 data bits, no redundancy; bits may be added later (ESP32 CODING_SCHEME 0 or 3, every BLOCK0). */
    NONE,
    /**
     * ESP32 CODING_SCHEME 1: 192 data bits in 4 chunks of 6 bytes, each followed by an XOR byte and a weighted
     * popcount byte ({@link Coding34}). A chunk that holds data cannot take more bits.
     */
    ESP32_3_4,
    /**
     * ESP32-S3/C3 BLOCK1+: RS(44,32), 12 parity bytes in PGM_CHECK_VALUE0..2 ({@link ReedSolomon}). A block that
     * holds data cannot take more bits.
     */
    REED_SOLOMON;

    /** Data words the block's read registers hold under this scheme, for a block of {@code lengthWords}. */
    public int dataWords(int lengthWords) {
        return this == ESP32_3_4 ? lengthWords * 3 / 4 : lengthWords;
    }
}
