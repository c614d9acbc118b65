package io.fuseline.esp.efuse;

import java.util.Arrays;
import java.util.Optional;

/** Stages field-level requests the way espefuse's {@code burn_efuse}, {@code burn_block_data} and protect commands do. */
final class FieldRequests {
    private FieldRequests() {
    }

    static void setField(BurnStaging s, String name, long value) {
        EfuseField f = field(s, name);
        String current = s.describeField(f);
        if (f.name().equals("MAC")) {
            throw new EfuseBurnRefusedException(f.name(), current, RefusalReason.NOT_BURNABLE,
                    "the factory MAC is burned by Espressif");
        }
        if (f.type().equals("bool")) {
            if (value != 1) {
                throw new EfuseBurnRefusedException(f.name(), current, RefusalReason.VALUE_NOT_ACCEPTED,
                        "a bool field is burned with 1 (0 -> 1), given " + value);
            }
        } else if (f.type().startsWith("uint")) {
            if (value == 0 || value < 0 || (f.bitLength() < 63 && value >= 1L << f.bitLength())) {
                throw new EfuseBurnRefusedException(f.name(), current, RefusalReason.VALUE_NOT_ACCEPTED,
                        String.format("0x%x is not a non-zero %d-bit value", value, f.bitLength()));
            }
        } else {
            throw new EfuseBurnRefusedException(f.name(), current, RefusalReason.VALUE_NOT_ACCEPTED,
                    "a " + f.type() + " field takes bytes");
        }
        s.saveField(f, FieldBits.placeNumber(s.blockWords(f.block()), f, value));
    }

    static void setFieldBytes(BurnStaging s, String name, byte[] value) {
        Optional<EfuseBlock> whole = wholeBlock(s, name);
        if (whole.isPresent()) {
            burnBlockData(s, name, 0, value);
            return;
        }
        EfuseField f = field(s, name);
        if (!f.type().startsWith("bytes") || value.length * 8 != f.bitLength()) {
            throw new EfuseBurnRefusedException(f.name(), s.describeField(f), RefusalReason.WRONG_LENGTH,
                    f.type() + " given " + value.length + " bytes");
        }
        if (f.name().equals("MAC")) {
            throw new EfuseBurnRefusedException(f.name(), s.describeField(f), RefusalReason.NOT_BURNABLE,
                    "the factory MAC is burned by Espressif");
        }
        s.saveField(f, FieldBits.placeBytes(s.blockWords(f.block()), f, value));
    }

    /** {@code burn_block_data}: data at a byte offset, zero-padded to the block, never reversed. */
    static void burnBlockData(BurnStaging s, String name, int offset, byte[] data) {
        EfuseBlock b = s.registers().chip().block(name).orElseThrow(() ->
                new EfuseBurnRefusedException(name, "-", RefusalReason.UNKNOWN_NAME, "not a block"));
        int size = s.blockWords(b.index()) * 4;
        if (offset < 0 || offset + data.length > size) {
            throw new EfuseBurnRefusedException(b.name(), s.describeBlock(b), RefusalReason.WRONG_LENGTH,
                    "offset " + offset + " + " + data.length + " bytes exceed " + size);
        }
        byte[] padded = new byte[size];
        System.arraycopy(data, 0, padded, offset, data.length);
        s.saveBlock(b, padded);
        Arrays.fill(padded, (byte) 0);
    }

    /** {@code write_protect_efuse}: a field's or block's WR_DIS bit; nothing if already write-protected. */
    static void writeProtect(BurnStaging s, String name) {
        Optional<EfuseField> f = s.registers().chip().fields().field(name);
        if (f.isPresent()) {
            if (s.protection().writeable(f.get())) {
                s.disableWrite(f.get().name(), f.get().writeDisableBit(), s.describeField(f.get()));
            }
            return;
        }
        EfuseBlock b = block(s, name);
        if (s.protection().writeable(b)) {
            s.disableWrite(b.name(), b.writeDisableBit(), s.describeBlock(b));
        }
    }

    /** {@code read_protect_efuse}: a field's or block's RD_DIS bits; nothing if already read-protected. */
    static void readProtect(BurnStaging s, String name) {
        Optional<EfuseField> f = s.registers().chip().fields().field(name);
        if (f.isPresent()) {
            if (s.protection().readable(f.get())) {
                s.disableRead(f.get().name(), f.get().readDisableBit(), s.describeField(f.get()));
            }
            return;
        }
        EfuseBlock b = block(s, name);
        if (s.protection().readable(b)) {
            s.disableRead(b.name(), b.readDisableBit(), s.describeBlock(b));
        }
    }

    private static Optional<EfuseBlock> wholeBlock(BurnStaging s, String name) {
        return s.registers().chip().block(name)
                .filter(b -> s.registers().chip().fields().field(name).map(f -> f.block() == b.index()).orElse(true));
    }

    private static EfuseField field(BurnStaging s, String name) {
        return s.registers().chip().fields().field(name).orElseThrow(() ->
                new EfuseBurnRefusedException(name, "-", RefusalReason.UNKNOWN_NAME, null));
    }

    private static EfuseBlock block(BurnStaging s, String name) {
        return s.registers().chip().block(name).orElseThrow(() ->
                new EfuseBurnRefusedException(name, "-", RefusalReason.UNKNOWN_NAME, null));
    }
}
