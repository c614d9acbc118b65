package io.fuseline.esp;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A 6-byte factory MAC as read from eFuse, written {@code aa:bb:cc:dd:ee:ff} (lowercase, colons), which is
 * how esptool prints it and how Fuseline keys Kafka records.
 */
public record MacAddress(byte[] bytes) {
    private static final Pattern TEXT = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final HexFormat HEX = HexFormat.ofDelimiter(":");

    public MacAddress {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes");
        }
        bytes = bytes.clone();
    }

    /** Parses the canonical text form; upper case or dashes are refused so one unit has one key. */
    public static MacAddress parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address of the form aa:bb:cc:dd:ee:ff");
        }
        return new MacAddress(HEX.parseHex(text));
    }

    public static boolean isCanonical(String text) {
        return text != null && TEXT.matcher(text).matches();
    }

    @Override
    public byte[] bytes() { return bytes.clone(); }

    /** Group (multicast) bit set: never a factory MAC. */
    public boolean isMulticast() { return (bytes[0] & 1) != 0; }

    /**
     * The ESP32 eFuse MAC_CRC over the six bytes in display order: CRC-8, reflected polynomial 0x8C, init 0
     * (espefuse {@code esp32/fields.py}). ESP32-S3/C3 store no MAC CRC.
     */
    public int esp32Crc8() {
        return crc8Maxim(bytes);
    }

    /** CRC-8/MAXIM-DOW (reflected 0x31 = 0x8C, init 0, no final XOR); its check value over "123456789" is 0xA1. */
    static int crc8Maxim(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8C : crc >>> 1;
            }
        }
        return crc;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && java.util.Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() { return java.util.Arrays.hashCode(bytes); }

    @Override
    public String toString() { return HEX.formatHex(bytes); }
}
