package io.fuseline.station.protocol;

/**
 * No usable answer: the response to the request is too short for its status or payload, or too many frames
 * arrived that answer something else. Retriable: this is what line noise and a desynchronised exchange look
 * like, and a resync usually cures it.
 */
public final class UnexpectedResponseException extends LoaderProtocolException {

    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(Opcode op, String message) {
        super(op, op.describe() + ": " + message);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
