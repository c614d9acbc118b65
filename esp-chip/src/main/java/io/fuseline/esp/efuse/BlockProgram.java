package io.fuseline.esp.efuse;

import java.util.List;

/**
 * One program operation of an irreversible burn: the words to write into a block's write registers (ESP32:
 * the block's own write registers, 3/4-coded for BLOCK1-3 under CODING_SCHEME 1; ESP32-S3/C3: PGM_DATA0..7
 * plus, from BLOCK1 up, PGM_CHECK_VALUE0..2 with the RS parity) before one program command for the block.
 * Exactly the words espefuse writes (vectors/efuse/burn_writes.tsv). {@link #toString()} does not print data:
 * key blocks hold key material.
 *
 * @param blockIndex the block to program
 * @param dataWords  the block's new bits before coding (what should read back, OR-ed into the old data)
 * @param writes     the register writes, address order
 */
public record BlockProgram(int blockIndex, int[] dataWords, List<RegisterWrite> writes) {
    public BlockProgram {
        dataWords = dataWords.clone();
        writes = List.copyOf(writes);
    }

    @Override
    public int[] dataWords() { return dataWords.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockProgram p && p.blockIndex == blockIndex
                && java.util.Arrays.equals(p.dataWords, dataWords) && p.writes.equals(writes);
    }

    @Override
    public int hashCode() { return 31 * blockIndex + writes.hashCode(); }

    @Override
    public String toString() {
        return "BlockProgram[BLOCK" + blockIndex + ", " + writes.size() + " register writes]";
    }

    /** One 32-bit register write (WRITE_REG address, value, mask 0xFFFFFFFF). */
    public record RegisterWrite(long address, int value) {
        @Override
        public String toString() { return String.format("0x%08x=0x%08x", address, value); }
    }
}
