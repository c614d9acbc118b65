package io.fuseline.station.protocol;

/**
 * The ROM answered with an "invalid message" status under a different op than the request's, which is how
 * it refuses commands it does not offer (in Secure Download Mode, or stub-only commands). Fatal: the same
 * command will be refused again; the caller may fall back (e.g. READ_FLASH_SLOW instead of READ_FLASH).
 */
public final class UnsupportedCommandException extends LoaderProtocolException {

    private static final long serialVersionUID = 1L;

    private final int replyOp;

    public UnsupportedCommandException(Opcode op, int replyOp) {
        super(op, String.format("%s is not supported by the loader (answered as %s with invalid-message status;"
                + " Secure Download Mode or a stub-only command)", op.describe(), Opcode.describe(replyOp)));
        this.replyOp = replyOp;
    }

    /** The op byte the refusal carried. */
    public int replyOp() { return replyOp; }

    @Override
    public boolean retriable() {
        return false;
    }
}
