package io.fuseline.esp.image;

import java.util.Optional;

/** Flash chip size, the high nibble of image header byte 3 (same codes for every ESP32-family chip). */
public enum FlashSize {
    MB1("1MB", 0x0), MB2("2MB", 0x1), MB4("4MB", 0x2), MB8("8MB", 0x3),
    MB16("16MB", 0x4), MB32("32MB", 0x5), MB64("64MB", 0x6), MB128("128MB", 0x7);

    private final String label;
    private final int nibble;

    FlashSize(String label, int nibble) {
        this.label = label;
        this.nibble = nibble;
    }

    /** esptool's spelling ({@code 4MB}). */
    public String label() {
        return label;
    }

    /** The high nibble of header byte 3 (0..7). */
    public int nibble() {
        return nibble;
    }

    /** Size in bytes. */
    public long bytes() {
        return (1L << nibble) * 1024 * 1024;
    }

    /** The size for a high nibble, empty when esptool does not know it either. */
    public static Optional<FlashSize> fromNibble(int nibble) {
        for (FlashSize s : values()) {
            if (s.nibble == nibble) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
