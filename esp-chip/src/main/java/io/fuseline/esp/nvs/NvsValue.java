package io.fuseline.esp.nvs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** The typed value of an NVS entry: an integer of one of the eight widths, a string, or a blob. */
public sealed interface NvsValue permits NvsValue.Int, NvsValue.Text, NvsValue.Blob {

    /**
     * An integer of {@code type}. {@code bits} holds the value as a Java {@code long}; for {@link NvsIntType#U64}
     * the 64 bits are read unsigned ({@link #number()} gives the number).
     *
     * @throws IllegalArgumentException if {@code bits} is outside the type's range
     */
    record Int(NvsIntType type, long bits) implements NvsValue {
        public Int {
            if (type == null || !type.holds(bits)) {
                throw new IllegalArgumentException("value " + bits + " does not fit " + type);
            }
        }

        /** The value as a number (U64 values at and above 2^63 come out positive). */
        public BigInteger number() {
            return type == NvsIntType.U64 && bits < 0
                    ? BigInteger.valueOf(bits).add(BigInteger.ONE.shiftLeft(64)) : BigInteger.valueOf(bits);
        }

        @Override
        public String toString() {
            return type.csvName() + ":" + number();
        }
    }

    /**
     * A string item (type SZ): stored as UTF-8 plus a terminating NUL, so it may not contain NUL itself.
     *
     * @throws IllegalArgumentException if {@code value} contains U+0000
     */
    record Text(String value) implements NvsValue {
        public Text {
            if (value == null || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an NVS string cannot contain NUL");
            }
        }

        /** The stored bytes: UTF-8 and the terminating NUL. */
        byte[] stored() {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(utf8, utf8.length + 1);
        }

        @Override
        public String toString() {
            return "string:" + value;
        }
    }

    /** Binary data (V2: BLOB_DATA chunks and a BLOB_IDX; V1: one BLOB item). Holds its own copy. */
    record Blob(byte[] bytes) implements NvsValue {
        public Blob {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The internal array, for this package's writers only: never handed out. */
        byte[] raw() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            int shown = Math.min(bytes.length, 16);
            return "blob[" + bytes.length + "]:" + HexFormat.of().formatHex(bytes, 0, shown)
                    + (shown < bytes.length ? "..." : "");
        }
    }
}
