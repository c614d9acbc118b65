package io.fuseline.esp.image;

import java.util.Optional;

/**
 * {@code esp_bootloader_desc_t}, the first 80 bytes of a bootloader's DRAM segment: magic byte 0x50,
 * 3 reserved, version u32, idf_ver[32], date_time[24], 16 reserved. Only ESP-IDF v5.2+ bootloaders
 * carry it.
 */
public record BootloaderDescriptor(long version, String idfVersion, String dateTime) {
    /** Bytes of the structure; shorter segments cannot hold one. */
    public static final int LENGTH = 80;
    /** Magic byte at offset 0. */
    public static final int MAGIC = 0x50;

    /** The descriptor at the start of {@code segmentData}, empty if too short or the magic is wrong. */
    public static Optional<BootloaderDescriptor> parse(byte[] segmentData) {
        if (segmentData.length < LENGTH || Le.u8(segmentData, 0) != MAGIC) {
            return Optional.empty();
        }
        return Optional.of(new BootloaderDescriptor(Le.u32(segmentData, 4), AppDescriptor.text(segmentData, 8, 32),
                AppDescriptor.text(segmentData, 40, 24)));
    }
}
