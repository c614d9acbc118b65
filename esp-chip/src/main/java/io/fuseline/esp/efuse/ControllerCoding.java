package io.fuseline.esp.efuse;

import java.util.Arrays;

/** What the controller takes from a block's write registers when it programs: the data, after checking the code. */
final class ControllerCoding {
    private ControllerCoding() {
    }

    /** The block's data words from the write registers; throws if the 3/4 or RS code does not check. */
    static int[] decode(EfuseChip chip, EfuseBlock block, CodingScheme coding, int[] window) {
        int first = block.writeOffset() / 4;
        switch (coding) {
            case ESP32_3_4 -> {
                byte[] encoded = Words.toBytes(Arrays.copyOfRange(window, first, first + 8));
                if (!Coding34.isValid(encoded)) {
                    throw new IllegalStateException(block.name() + ": 3/4 coding check failed");
                }
                return Words.toWords(Coding34.data(encoded));
            }
            case REED_SOLOMON -> {
                byte[] codeword = Words.toBytes(Arrays.copyOfRange(window, first, first + 11));
                if (!ReedSolomon.isCodeword(codeword)) {
                    throw new IllegalStateException(block.name() + ": Reed-Solomon check failed");
                }
                return Arrays.copyOf(Words.toWords(Arrays.copyOf(codeword, 32)), block.lengthWords());
            }
            default -> {
                return Arrays.copyOfRange(window, first, first + block.lengthWords());
            }
        }
    }
}
