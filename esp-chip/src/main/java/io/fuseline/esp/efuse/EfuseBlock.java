package io.fuseline.esp.efuse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One eFuse block of a chip, as espefuse defines it ({@code mem_definition.py}, {@code blocks_<chip>.tsv}).
 * Offsets are relative to the chip's eFuse base address (DR_REG_EFUSE_BASE).
 *
 * @param name            espefuse's block name (BLOCK1, BLOCK_KEY0, ...)
 * @param aliases         other names espefuse accepts (flash_encryption, BLOCK4, ...)
 * @param index           block number; on ESP32-S3/C3 also the number in the program command (CMD bits 5:2)
 * @param readOffset      offset of the block's first read register
 * @param writeOffset     offset of the block's first write register (PGM_DATA0 on ESP32-S3/C3)
 * @param lengthWords     32-bit words in the block without coding
 * @param writeDisableBit WR_DIS bit that write-protects the whole block, if any
 * @param readDisableBit  RD_DIS bit that read-protects the whole block, if any
 * @param keyPurposeField the KEY_PURPOSE_n field naming what this key block holds (ESP32-S3/C3 key blocks)
 */
public record EfuseBlock(String name, List<String> aliases, int index, int readOffset, int writeOffset,
                         int lengthWords, OptionalInt writeDisableBit, OptionalInt readDisableBit,
                         Optional<String> keyPurposeField) {
    public EfuseBlock {
        aliases = List.copyOf(aliases);
    }

    static EfuseBlock of(String name, String alias, int index, int readOffset, int writeOffset, int lengthWords,
                         int writeDisableBit, int readDisableBit, String keyPurposeField) {
        return new EfuseBlock(name, alias == null ? List.of() : List.of(alias.split(",")), index, readOffset,
                writeOffset, lengthWords, bit(writeDisableBit), bit(readDisableBit),
                Optional.ofNullable(keyPurposeField));
    }

    private static OptionalInt bit(int b) {
        return b < 0 ? OptionalInt.empty() : OptionalInt.of(b);
    }

    /** Whether {@code text} is this block's name or one of its aliases (case-sensitive, as espefuse). */
    public boolean isNamed(String text) {
        return name.equals(text) || aliases.contains(text);
    }

    /** Whether this block holds a key with a KEY_PURPOSE_n field (ESP32-S3/C3 BLOCK_KEY0..5). */
    public boolean isKeyBlock() {
        return keyPurposeField.isPresent();
    }
}
