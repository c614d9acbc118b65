package io.fuseline.station.ops;

/**
 * Why a loader operation did not succeed, decided at this boundary as retriable (the line, the timing: reconnect
 * and try again) or fatal (the chip or the request: a retry gives the same answer). Each subclass has a stable
 * error code in the station agent's range {@code SA-1xx}.
 */
public abstract sealed class LoaderException extends Exception
        permits LoaderTimeoutException, LoaderIoException, LoaderCommandException, SyncFailedException,
        VerificationFailedException, UnsupportedChipException, EfuseVerificationException {

    private static final long serialVersionUID = 1L;

    protected LoaderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Stable code for logs and the operator console, e.g. {@code SA-101}. */
    public abstract String code();

    /** Whether repeating the operation (after a reconnect) may succeed. */
    public abstract boolean retriable();

    @Override
    public String getMessage() {
        return code() + " " + super.getMessage();
    }
}
