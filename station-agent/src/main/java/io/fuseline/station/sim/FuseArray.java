package io.fuseline.station.sim;

import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseField;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The fuse bits themselves, per block, plus the protection rules both controller models share: the WR_DIS bits
 * that freeze a block or a BLOCK0 field, and the RD_DIS bits that hide a block from the read registers.
 * Not thread-safe; its controller synchronizes.
 */
final class FuseArray {

    /** Every block is stored with room for the programming width (8 words); BLOCK0 uses fewer. */
    static final int WORDS = 8;

    private final EfuseChip chip;
    private final int[][] words;

    FuseArray(EfuseChip chip) {
        this.chip = chip;
        this.words = new int[chip.blocks().size()][WORDS];
    }

    EfuseChip chip() {
        return chip;
    }

    int[] block(int index) {
        return words[index];
    }

    /** ORs {@code add} into the block, except bits that write protection freezes. */
    void program(int index, int[] add) {
        int[] frozen = frozenMask(index);
        for (int i = 0; i < Math.min(add.length, WORDS); i++) {
            words[index][i] |= add[i] & ~frozen[i];
        }
    }

    /** ORs without any protection check (factory state). */
    void force(int index, int[] add) {
        for (int i = 0; i < Math.min(add.length, WORDS); i++) {
            words[index][i] |= add[i];
        }
    }

    /** What the read registers show for one word of a block: zero when the block is read-disabled. */
    int visible(int index, int word) {
        EfuseBlock b = chip.blocks().get(index);
        return isSet(rdDis(), b.readDisableBit()) ? 0 : words[index][word];
    }

    /** Bits of the block that WR_DIS currently freezes, per word. */
    int[] frozenMask(int index) {
        int[] mask = new int[WORDS];
        int wrDis = wrDis();
        EfuseBlock b = chip.blocks().get(index);
        if (index != 0) {
            if (isSet(wrDis, b.writeDisableBit())) {
                Arrays.fill(mask, -1);
            }
            return mask;
        }
        for (EfuseField f : chip.fields().fields()) {
            if (f.block() == 0 && isSet(wrDis, f.writeDisableBit())) {
                setBits(mask, f.word(), f.position(), f.bitLength());
            }
        }
        return mask;
    }

    /** An unsigned field value of BLOCK0 (up to 32 bits) as the hardware sees it. */
    long field(String name) {
        EfuseField f = chip.fields().field(name)
                .orElseThrow(() -> new IllegalArgumentException(chip.family() + " has no eFuse field " + name));
        long bits = Integer.toUnsignedLong(words[f.block()][f.word()])
                | (f.word() + 1 < WORDS ? Integer.toUnsignedLong(words[f.block()][f.word() + 1]) << 32 : 0);
        return bits >>> f.position() & ((1L << f.bitLength()) - 1);
    }

    private int wrDis() {
        return (int) field("WR_DIS");
    }

    private int rdDis() {
        return (int) field("RD_DIS");
    }

    private static boolean isSet(int mask, OptionalInt bit) {
        return bit.isPresent() && (mask >>> bit.getAsInt() & 1) != 0;
    }

    private static void setBits(int[] mask, int word, int position, int length) {
        for (int i = 0; i < length; i++) {
            int bit = position + i;
            int w = word + bit / 32;
            if (w < mask.length) {
                mask[w] |= 1 << (bit % 32);
            }
        }
    }
}
