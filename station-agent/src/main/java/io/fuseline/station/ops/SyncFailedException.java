package io.fuseline.station.ops;

/**
 * No SYNC answered in any connect attempt: the chip is not in download mode, not powered, or not there.
 * Retriable (an operator can press BOOT, the jig can re-seat the unit).
 */
public final class SyncFailedException extends LoaderException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public SyncFailedException(String port, int attempts, String resetNote, LoaderException last) {
        super("no SYNC answer from " + port + " after " + attempts + " connect attempts (" + resetNote
                + "); is the chip in download mode?", last);
        this.attempts = attempts;
    }

    /** Connect attempts made. */
    public int attempts() { return attempts; }

    @Override
    public String code() { return "SA-104"; }

    @Override
    public boolean retriable() { return true; }
}
