package io.fuseline.station.ops;

import io.fuseline.station.protocol.LoaderProtocolException;

/**
 * The chip answered with a failure or an answer that does not parse; {@link #protocolError()} has the details
 * (the ROM error code and its text). Retriable exactly when the protocol error is (bad CRC, flash write error).
 */
public final class LoaderCommandException extends LoaderException {

    private static final long serialVersionUID = 1L;

    private final LoaderProtocolException protocolError;

    public LoaderCommandException(LoaderProtocolException protocolError) {
        super(protocolError.getMessage(), protocolError);
        this.protocolError = protocolError;
    }

    public LoaderProtocolException protocolError() { return protocolError; }

    @Override
    public String code() { return "SA-103"; }

    @Override
    public boolean retriable() { return protocolError.retriable(); }
}
