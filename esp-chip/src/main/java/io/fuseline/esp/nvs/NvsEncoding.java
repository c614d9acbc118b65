package io.fuseline.esp.nvs;

import java.util.Locale;

/** The {@code encoding} column of the generator's CSV. */
public enum NvsEncoding {
    U8(NvsIntType.U8), I8(NvsIntType.I8), U16(NvsIntType.U16), I16(NvsIntType.I16),
    U32(NvsIntType.U32), I32(NvsIntType.I32), U64(NvsIntType.U64), I64(NvsIntType.I64),
    /** Text stored as a string item (UTF-8 plus NUL). */
    STRING(null),
    /** Hex digits stored as a blob. */
    HEX2BIN(null),
    /** Base64 stored as a blob. */
    BASE64(null),
    /** The value's bytes (for {@code file} rows, the file's bytes) stored as a blob. */
    BINARY(null);

    private final NvsIntType intType;

    NvsEncoding(NvsIntType intType) {
        this.intType = intType;
    }

    /** The integer type of u8..i64, null for the others. */
    public NvsIntType intType() {
        return intType;
    }

    /** The name as the CSV spells it. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The encoding called {@code name} (case-insensitive, surrounding blanks ignored), or null. */
    static NvsEncoding byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (NvsEncoding e : values()) {
            if (e.csvName().equals(n)) {
                return e;
            }
        }
        return null;
    }
}
