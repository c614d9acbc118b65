package io.fuseline.station.ops;

import io.fuseline.station.protocol.FlashMd5;

/**
 * The chip's MD5 of a flash region differs from the data the station meant to write there. Fatal for this
 * write: the unit must not be marked as flashed. Carries what was expected and what the chip reported.
 */
public final class VerificationFailedException extends LoaderException {

    private static final long serialVersionUID = 1L;

    private final transient FlashMd5 expected;
    private final transient FlashMd5 actual;

    public VerificationFailedException(int address, int length, FlashMd5 expected, FlashMd5 actual) {
        super(String.format("flash at 0x%08x (+%d bytes) does not verify: expected MD5 %s, chip reports %s",
                address, length, expected.hex(), actual.hex()), null);
        this.expected = expected;
        this.actual = actual;
    }

    public FlashMd5 expected() { return expected; }

    public FlashMd5 actual() { return actual; }

    @Override
    public String code() { return "SA-105"; }

    @Override
    public boolean retriable() { return false; }
}
