package io.fuseline.station.protocol;

/**
 * One 16-byte record of a WRITE_REG command. The loader applies {@code (reg & ~mask) | (value & mask)}, then
 * waits {@code delayMicros}. All fields are unsigned 32-bit values held in {@code int}s.
 *
 * @param address     register address
 * @param value       value to write
 * @param mask        bits to change; {@code 0xFFFFFFFF} writes the whole word, {@code 0} makes the record a
 *                    pure delay
 * @param delayMicros wait after the write, in microseconds
 */
public record WriteRegister(int address, int value, int mask, int delayMicros) {

    /** Size of one record on the wire. */
    public static final int LENGTH = 16;

    /** A whole-word write without delay, which is what esptool sends for almost every register. */
    public static WriteRegister of(int address, int value) {
        return new WriteRegister(address, value, 0xFFFFFFFF, 0);
    }

    @Override
    public String toString() {
        return String.format("WriteRegister[0x%08x = 0x%08x mask 0x%08x delay %dus]",
                address, value, mask, Integer.toUnsignedLong(delayMicros));
    }
}
