package io.fuseline.esp.nvs;

import java.math.BigInteger;
import java.util.Locale;

/** The eight NVS integer item types, with their item type codes and little-endian widths. */
public enum NvsIntType {
    U8(0x01, 1, false),
    I8(0x11, 1, true),
    U16(0x02, 2, false),
    I16(0x12, 2, true),
    U32(0x04, 4, false),
    I32(0x14, 4, true),
    U64(0x08, 8, false),
    I64(0x18, 8, true);

    private final int itemType;
    private final int width;
    private final boolean signed;

    NvsIntType(int itemType, int width, boolean signed) {
        this.itemType = itemType;
        this.width = width;
        this.signed = signed;
    }

    /** The item type byte of an entry holding this type. */
    public int itemType() {
        return itemType;
    }

    /** Bytes the value occupies in the entry's data field. */
    public int width() {
        return width;
    }

    public boolean signed() {
        return signed;
    }

    /** The CSV encoding name: {@code u8}, {@code i16}, ... */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The smallest value, as a number (not as the stored bits). */
    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(width * 8 - 1).negate() : BigInteger.ZERO;
    }

    /** The largest value, as a number (U64: 2^64 - 1). */
    public BigInteger max() {
        return BigInteger.ONE.shiftLeft(signed ? width * 8 - 1 : width * 8).subtract(BigInteger.ONE);
    }

    /** Whether {@code bits} is a valid {@link NvsValue.Int#bits()} for this type. */
    boolean holds(long bits) {
        if (width == 8) {
            return true;
        }
        long limit = 1L << (width * 8 - (signed ? 1 : 0));
        return signed ? bits >= -limit && bits < limit : bits >= 0 && bits < limit;
    }

    /** Reads {@link #width()} little-endian bytes at {@code off}, sign-extended for signed types. */
    long read(byte[] b, int off) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        int unused = 64 - width * 8;
        return signed && unused > 0 ? (v << unused) >> unused : v;
    }

    /** The type stored under item type code {@code code}, or null. */
    static NvsIntType ofItemType(int code) {
        for (NvsIntType t : values()) {
            if (t.itemType == code) {
                return t;
            }
        }
        return null;
    }
}
