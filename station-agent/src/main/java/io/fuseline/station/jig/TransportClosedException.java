package io.fuseline.station.jig;

import java.io.IOException;

/** The other end went away: TCP peer closed, USB adapter unplugged, port closed by another thread. */
public final class TransportClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    public TransportClosedException(String message) {
        super(message);
    }

    public TransportClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
