package io.fuseline.station.ops;

import java.io.IOException;

/** The transport failed: TCP peer gone, adapter unplugged. Retriable after reopening the port. */
public final class LoaderIoException extends LoaderException {

    private static final long serialVersionUID = 1L;

    public LoaderIoException(String step, IOException cause) {
        super(step + ": " + cause.getMessage(), cause);
    }

    @Override
    public String code() { return "SA-102"; }

    @Override
    public boolean retriable() { return true; }
}
