package io.fuseline.esp.image;

/**
 * One row of a chip's memory map: addresses {@code [start, end)} are of memory type {@code type}
 * (esptool's names: DROM, IRAM, BYTE_ACCESSIBLE, PADDING, ...). Ranges may overlap.
 */
public record MemoryRange(long start, long end, String type) {
    /** True if {@code address} lies in {@code [start, end)}. */
    public boolean contains(long address) {
        return start <= address && address < end;
    }
}
