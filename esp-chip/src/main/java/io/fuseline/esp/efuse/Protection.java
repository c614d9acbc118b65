package io.fuseline.esp.efuse;

import java.util.OptionalInt;

/**
 * The WR_DIS and RD_DIS words of a register snapshot, and espefuse's reading of them: a field or block is
 * writeable while its WR_DIS bit is clear, readable while its RD_DIS bit is clear; one without such a bit always is.
 */
record Protection(long writeDisable, long readDisable) {

    static Protection of(EfuseRegisters registers) {
        EfuseChip chip = registers.chip();
        int[] block0 = registers.readWords(chip.block(0));
        EfuseFieldCatalog catalog = chip.fields();
        return new Protection(FieldBits.number(block0, catalog.field("WR_DIS").orElseThrow()),
                FieldBits.number(block0, catalog.field("RD_DIS").orElseThrow()));
    }

    boolean writeable(OptionalInt writeDisableBit) {
        return writeDisableBit.isEmpty() || ((writeDisable >>> writeDisableBit.getAsInt()) & 1) == 0;
    }

    boolean readable(OptionalInt readDisableBit) {
        return readDisableBit.isEmpty() || ((readDisable >>> readDisableBit.getAsInt()) & 1) == 0;
    }

    boolean writeable(EfuseField field) { return writeable(field.writeDisableBit()); }

    boolean readable(EfuseField field) { return readable(field.readDisableBit()); }

    boolean writeable(EfuseBlock block) { return writeable(block.writeDisableBit()); }

    boolean readable(EfuseBlock block) { return readable(block.readDisableBit()); }
}
