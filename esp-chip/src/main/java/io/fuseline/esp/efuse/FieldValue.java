package io.fuseline.esp.efuse;

import io.fuseline.esp.MacAddress;
import java.util.HexFormat;
import java.util.OptionalInt;

/** The value of one eFuse field as decoded from the read registers. */
public sealed interface FieldValue {

    /** A {@code bool} field. */
    record Flag(boolean value) implements FieldValue {
        @Override
        public String toString() { return Boolean.toString(value); }
    }

    /** A {@code uint:N} field (N up to 32). */
    record Number(long value) implements FieldValue {
        @Override
        public String toString() { return Long.toString(value); }
    }

    /**
     * A {@code bytes:N} field in eFuse memory order (byte i = bits 8i..8i+7 of the field), which is how espefuse
     * prints it ({@code summary}: "da 66 50 3b ..."). Read-protected fields read as zeros.
     */
    record Bytes(byte[] memoryOrder) implements FieldValue {
        public Bytes {
            memoryOrder = memoryOrder.clone();
        }

        @Override
        public byte[] memoryOrder() { return memoryOrder.clone(); }

        /** Lowercase hex bytes separated by spaces, as espefuse prints them. */
        public String hex() { return HexFormat.ofDelimiter(" ").formatHex(memoryOrder); }

        public boolean isZero() {
            for (byte b : memoryOrder) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(b.memoryOrder, memoryOrder);
        }

        @Override
        public int hashCode() { return java.util.Arrays.hashCode(memoryOrder); }

        @Override
        public String toString() { return "Bytes[" + memoryOrder.length + "]"; }
    }

    /**
     * A MAC field in display order. The factory {@code MAC} is stored byte-reversed (esptool {@code read_mac}),
     * {@code CUSTOM_MAC} in memory order. {@code valid}: on ESP32 the stored CRC-8 matches
     * ({@code storedCrc}); on ESP32-S3/C3 the block reports no Reed-Solomon errors (espefuse's "(OK)").
     */
    record Mac(MacAddress address, boolean valid, OptionalInt storedCrc) implements FieldValue {
        /** The text espefuse's summary prints: {@code "24:0a:c4:12:34:56 (CRC 0xf5 OK)"} or {@code "... (OK)"}. */
        public String espefuseText() {
            if (storedCrc.isEmpty()) {
                return address + (valid ? " (OK)" : " (ERRORS)");
            }
            int stored = storedCrc.getAsInt();
            return valid ? String.format("%s (CRC 0x%02x OK)", address, stored)
                    : String.format("%s (CRC 0x%02x invalid - calculated 0x%02x)", address, stored,
                    address.esp32Crc8());
        }

        @Override
        public String toString() { return espefuseText(); }
    }
}
