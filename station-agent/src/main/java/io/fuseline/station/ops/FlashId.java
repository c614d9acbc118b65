package io.fuseline.station.ops;

import java.util.OptionalLong;

/**
 * The JEDEC id the SPI flash answers to RDID (0x9F): manufacturer, memory type, capacity code.
 *
 * @param raw the 24-bit answer as the W0 register holds it: {@code mfr | type << 8 | capacity << 16}
 */
public record FlashId(int raw) {

    public int manufacturer() { return raw & 0xFF; }

    public int memoryType() { return raw >>> 8 & 0xFF; }

    public int capacityCode() { return raw >>> 16 & 0xFF; }

    /** {@code type << 8 | capacity}, the "device" esptool prints. */
    public int device() { return memoryType() << 8 | capacityCode(); }

    /** 2^capacity bytes for the usual codes 0x12 (256 KiB) … 0x1A (64 MiB); empty otherwise. */
    public OptionalLong sizeBytes() {
        int c = capacityCode();
        return c >= 0x12 && c <= 0x1A ? OptionalLong.of(1L << c) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return String.format("FlashId[manufacturer %02x, device %04x]", manufacturer(), device());
    }
}
