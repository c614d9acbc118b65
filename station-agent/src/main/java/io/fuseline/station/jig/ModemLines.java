package io.fuseline.station.jig;

/**
 * DTR and RTS of a serial port. {@code true} means asserted, which on Espressif's two-transistor circuit pulls
 * the pin low (DTR drives GPIO0, RTS drives EN). Each call returns whether the driver accepted it: a pty
 * answers ENOTTY, so {@code false} means "this port has no modem lines", not a fault.
 */
public interface ModemLines {

    boolean setDtr(boolean asserted);

    boolean setRts(boolean asserted);

    /** Sets both lines in one ioctl where the platform allows, which the tight Unix reset relies on. */
    boolean setDtrAndRts(boolean dtr, boolean rts);
}
