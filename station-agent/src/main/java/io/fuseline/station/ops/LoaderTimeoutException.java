package io.fuseline.station.ops;

import io.fuseline.station.protocol.Opcode;
import java.time.Duration;

/** No answer to a command within its timeout. Retriable: a resync or reconnect usually cures it. */
public final class LoaderTimeoutException extends LoaderException {

    private static final long serialVersionUID = 1L;

    private final Opcode op;
    private final Duration timeout;

    public LoaderTimeoutException(Opcode op, Duration timeout) {
        super(String.format("no answer to %s within %d ms", op.describe(), timeout.toMillis()), null);
        this.op = op;
        this.timeout = timeout;
    }

    public Opcode op() { return op; }

    /** The timeout that expired. */
    public Duration timeout() { return timeout; }

    @Override
    public String code() { return "SA-101"; }

    @Override
    public boolean retriable() { return true; }
}
