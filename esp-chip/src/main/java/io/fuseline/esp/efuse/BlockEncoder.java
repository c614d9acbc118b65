package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a block's new data bits into the register writes espefuse makes ({@code apply_coding_scheme} +
 * {@code burn_words}): the coding of the block, then one word per write register.
 */
final class BlockEncoder {
    private BlockEncoder() {
    }

    /** The program operation for one block; {@code data} has the block's read-register word count. */
    static BlockProgram encode(EfuseRegisters registers, EfuseBlock block, int[] data) {
        EfuseChip chip = registers.chip();
        int[] words = switch (chip.codingScheme(block.index(), registers)) {
            case NONE -> padded(data, chip instanceof Esp32Efuse ? block.lengthWords() : 8);
            case ESP32_3_4 -> Words.toWords(Coding34.encode(Words.toBytes(data)));
            case REED_SOLOMON -> Words.toWords(ReedSolomon.encode(Words.toBytes(padded(data, 8))));
        };
        List<BlockProgram.RegisterWrite> writes = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            writes.add(new BlockProgram.RegisterWrite(chip.address(block.writeOffset() + 4 * i), words[i]));
        }
        return new BlockProgram(block.index(), data, writes);
    }

    private static int[] padded(int[] data, int words) {
        return Arrays.copyOf(data, Math.max(words, data.length));
    }
}
