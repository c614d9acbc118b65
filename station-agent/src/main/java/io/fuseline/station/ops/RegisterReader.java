package io.fuseline.station.ops;

/** Reads one 32-bit register of the chip (READ_REG on the wire, or a model in tests). */
@FunctionalInterface
public interface RegisterReader {
    int read(int address) throws LoaderException;
}
