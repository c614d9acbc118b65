package io.fuseline.esp.image;

import io.fuseline.esp.ChipFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the image format knows per chip: the chip id in the extended header (byte 12), the name
 * {@code image_info} prints, the flash-mapped windows (IROM/DROM, whose segments must sit on MMU page
 * offsets), the memory map that names segment types, and the flash frequency codes. Includes the
 * ESP32-C6 because a reference vector is a C6 image; {@link #family()} maps to the families Fuseline
 * provisions.
 */
public enum ImageChip {
    ESP32(0, "ESP32", 0x1000, 0x40080000L, MemoryMaps.ESP32,
            new long[] {0x400D0000L, 0x40400000L, 0x3F400000L, 0x3F800000L}, Frequencies.CLASSIC),
    ESP32S3(9, "ESP32-S3", 0x0, 0x40370000L, MemoryMaps.ESP32S3,
            new long[] {0x42000000L, 0x44000000L, 0x3C000000L, 0x3E000000L}, Frequencies.CLASSIC),
    ESP32C3(5, "ESP32-C3", 0x0, 0x4037C000L, MemoryMaps.ESP32C3,
            new long[] {0x42000000L, 0x42800000L, 0x3C000000L, 0x3C800000L}, Frequencies.CLASSIC),
    ESP32C6(13, "ESP32-C6", 0x0, 0x40800000L, MemoryMaps.ESP32C6,
            new long[] {0x42000000L, 0x42800000L, 0x42800000L, 0x43000000L}, Frequencies.C6);

    private final int chipId;
    private final String displayName;
    private final int bootloaderOffset;
    private final long iramStart;
    private final List<MemoryRange> memoryMap;
    private final long[] flashWindows;
    private final Map<FlashFrequency, Integer> frequencies;

    ImageChip(int chipId, String displayName, int bootloaderOffset, long iramStart, List<MemoryRange> memoryMap,
              long[] flashWindows, Map<FlashFrequency, Integer> frequencies) {
        this.chipId = chipId;
        this.displayName = displayName;
        this.bootloaderOffset = bootloaderOffset;
        this.iramStart = iramStart;
        this.memoryMap = memoryMap;
        this.flashWindows = flashWindows;
        this.frequencies = frequencies;
    }

    /** The chip id of extended-header byte 12. */
    public int chipId() {
        return chipId;
    }

    /** esptool's CHIP_NAME, e.g. {@code ESP32-S3}. */
    public String displayName() {
        return displayName;
    }

    /** Flash offset of the second-stage bootloader image (ESP32 0x1000, later chips 0x0). */
    public int bootloaderOffset() {
        return bootloaderOffset;
    }

    /** Start of instruction RAM; a sensible entry point region for RAM-loaded code. */
    public long iramStart() {
        return iramStart;
    }

    /**
     * Start of the first range the memory map calls DROM: an ESP-IDF app's first DROM segment (the one
     * holding {@code esp_app_desc_t}) loads at {@code dromStart() + 0x20}.
     */
    public long dromStart() {
        return memoryMap.stream().filter(r -> r.type().equals("DROM")).findFirst().orElseThrow().start();
    }

    /** The memory map, in esptool's order. */
    public List<MemoryRange> memoryMap() {
        return memoryMap;
    }

    /** Memory types covering {@code address}, in memory-map order (esptool {@code get_memory_type}). */
    public List<String> memoryTypes(long address) {
        List<String> types = new ArrayList<>();
        for (MemoryRange range : memoryMap) {
            if (range.contains(address)) {
                types.add(range.type());
            }
        }
        return types;
    }

    /** True if {@code address} is in a flash-mapped (IROM or DROM) window, i.e. the MMU page rule applies. */
    public boolean isFlashMapped(long address) {
        return (flashWindows[0] <= address && address < flashWindows[1])
                || (flashWindows[2] <= address && address < flashWindows[3]);
    }

    /** The low nibble of header byte 3 for {@code frequency}; empty if the chip cannot run flash at it. */
    public Optional<Integer> frequencyNibble(FlashFrequency frequency) {
        return Optional.ofNullable(frequencies.get(frequency));
    }

    /** The first frequency (in esptool's order) encoded by {@code nibble}, as {@code image_info} names it. */
    public Optional<FlashFrequency> frequencyOf(int nibble) {
        for (FlashFrequency f : FlashFrequency.values()) {
            if (Integer.valueOf(nibble).equals(frequencies.get(f))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The Fuseline chip family of this image chip, empty for chips Fuseline does not provision. */
    public Optional<ChipFamily> family() {
        return ChipFamily.fromName(name());
    }

    /** The image chip of a family. */
    public static ImageChip of(ChipFamily family) {
        return valueOf(family.name());
    }

    /** The chip with extended-header chip id {@code chipId}, if known here. */
    public static Optional<ImageChip> byChipId(int chipId) {
        for (ImageChip c : values()) {
            if (c.chipId == chipId) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static final class Frequencies {
        // 80m is listed first so that lookups by code give esptool's answer ("80m" for the C6's 0x0).
        static final Map<FlashFrequency, Integer> CLASSIC = Map.of(
                FlashFrequency.F80M, 0xF, FlashFrequency.F40M, 0x0, FlashFrequency.F26M, 0x1, FlashFrequency.F20M, 0x2);
        // The C6 ROM has a wrong MSPI divider, so 80m is written as the 40m code.
        static final Map<FlashFrequency, Integer> C6 = Map.of(
                FlashFrequency.F80M, 0x0, FlashFrequency.F40M, 0x0, FlashFrequency.F20M, 0x2);
    }
}
