package io.fuseline.esp.image;

import java.util.List;

/**
 * Per-chip memory maps as esptool v4.12.0 lists them ({@code esptool/targets/<chip>.py MEMORY_MAP}).
 * Row order matters: {@code image_info} names a segment's memory types in this order. Facts only.
 */
final class MemoryMaps {
    private MemoryMaps() {
    }

    private static MemoryRange r(long start, long end, String type) {
        return new MemoryRange(start, end, type);
    }

    static final List<MemoryRange> ESP32 = List.of(
            r(0x00000000L, 0x00010000L, "PADDING"),
            r(0x3F400000L, 0x3F800000L, "DROM"),
            r(0x3F800000L, 0x3FC00000L, "EXTRAM_DATA"),
            r(0x3FF80000L, 0x3FF82000L, "RTC_DRAM"),
            r(0x3FF90000L, 0x40000000L, "BYTE_ACCESSIBLE"),
            r(0x3FFAE000L, 0x40000000L, "DRAM"),
            r(0x3FFE0000L, 0x3FFFFFFCL, "DIRAM_DRAM"),
            r(0x40000000L, 0x40070000L, "IROM"),
            r(0x40070000L, 0x40078000L, "CACHE_PRO"),
            r(0x40078000L, 0x40080000L, "CACHE_APP"),
            r(0x40080000L, 0x400A0000L, "IRAM"),
            r(0x400A0000L, 0x400BFFFCL, "DIRAM_IRAM"),
            r(0x400C0000L, 0x400C2000L, "RTC_IRAM"),
            r(0x400D0000L, 0x40400000L, "IROM"),
            r(0x50000000L, 0x50002000L, "RTC_DATA"));

    static final List<MemoryRange> ESP32S3 = List.of(
            r(0x00000000L, 0x00010000L, "PADDING"),
            r(0x3C000000L, 0x3D000000L, "DROM"),
            r(0x3D000000L, 0x3E000000L, "EXTRAM_DATA"),
            r(0x600FE000L, 0x60100000L, "RTC_DRAM"),
            r(0x3FC88000L, 0x3FD00000L, "BYTE_ACCESSIBLE"),
            r(0x3FC88000L, 0x403E2000L, "MEM_INTERNAL"),
            r(0x3FC88000L, 0x3FD00000L, "DRAM"),
            r(0x40000000L, 0x4001A100L, "IROM_MASK"),
            r(0x40370000L, 0x403E0000L, "IRAM"),
            r(0x600FE000L, 0x60100000L, "RTC_IRAM"),
            r(0x42000000L, 0x42800000L, "IROM"),
            r(0x50000000L, 0x50002000L, "RTC_DATA"));

    static final List<MemoryRange> ESP32C3 = List.of(
            r(0x00000000L, 0x00010000L, "PADDING"),
            r(0x3C000000L, 0x3C800000L, "DROM"),
            r(0x3FC80000L, 0x3FCE0000L, "DRAM"),
            r(0x3FC88000L, 0x3FD00000L, "BYTE_ACCESSIBLE"),
            r(0x3FF00000L, 0x3FF20000L, "DROM_MASK"),
            r(0x40000000L, 0x40060000L, "IROM_MASK"),
            r(0x42000000L, 0x42800000L, "IROM"),
            r(0x4037C000L, 0x403E0000L, "IRAM"),
            r(0x50000000L, 0x50002000L, "RTC_IRAM"),
            r(0x50000000L, 0x50002000L, "RTC_DRAM"),
            r(0x600FE000L, 0x60100000L, "MEM_INTERNAL2"));

    // The ESP32-C6 maps code and data through one bus, so DROM and IROM name the same window.
    static final List<MemoryRange> ESP32C6 = List.of(
            r(0x00000000L, 0x00010000L, "PADDING"),
            r(0x42000000L, 0x43000000L, "DROM"),
            r(0x40800000L, 0x40880000L, "DRAM"),
            r(0x40800000L, 0x40880000L, "BYTE_ACCESSIBLE"),
            r(0x4004AC00L, 0x40050000L, "DROM_MASK"),
            r(0x40000000L, 0x4004AC00L, "IROM_MASK"),
            r(0x42000000L, 0x43000000L, "IROM"),
            r(0x40800000L, 0x40880000L, "IRAM"),
            r(0x50000000L, 0x50004000L, "RTC_IRAM"),
            r(0x50000000L, 0x50004000L, "RTC_DRAM"),
            r(0x600FE000L, 0x60100000L, "MEM_INTERNAL2"));
}
