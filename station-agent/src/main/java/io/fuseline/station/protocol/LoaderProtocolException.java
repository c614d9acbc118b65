package io.fuseline.station.protocol;

/**
 * The chip answered, and the answer is a failure. Decided at this boundary, {@link #retriable()} tells the
 * caller whether sending the same command again (after a resync) can help; a fatal one says something about
 * the chip or the request that a retry cannot fix. Serial timeouts are not protocol errors and are reported
 * by the transport.
 */
public abstract sealed class LoaderProtocolException extends Exception
        permits CommandFailedException, UnsupportedCommandException, UnexpectedResponseException {

    private static final long serialVersionUID = 1L;

    private final Opcode op;

    protected LoaderProtocolException(Opcode op, String message) {
        super(message);
        this.op = op;
    }

    /** The command whose exchange failed. */
    public Opcode op() { return op; }

    /** Whether repeating the command may succeed. */
    public abstract boolean retriable();
}
