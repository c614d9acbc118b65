package io.fuseline.station.protocol;

import java.util.Optional;

/**
 * The loader answered a command with a non-zero status. The message reads, e.g.,
 * {@code "FLASH_DATA (0x03) failed: status 0x01, error 0x07: Invalid CRC in message (…)"}.
 */
public final class CommandFailedException extends LoaderProtocolException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public CommandFailedException(Opcode op, int status, int errorCode) {
        super(op, String.format("%s failed: status 0x%02X, error %s", op.describe(), status,
                RomError.describe(errorCode)));
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The status byte (1 = failure on every known loader). */
    public int status() { return status; }

    /** The error byte. */
    public int errorCode() { return errorCode; }

    /** The table entry for {@link #errorCode()}, empty for codes not in {@link RomError}. */
    public Optional<RomError> romError() { return RomError.fromCode(errorCode); }

    /**
     * Whether the loader rejected the message itself. For a command the ROM does not know at all (the ESP32
     * ROM and GET_SECURITY_INFO) this is the answer, with the request's own op.
     */
    public boolean invalidMessage() { return errorCode == RomError.INVALID_MESSAGE.code(); }

    /** Operator text for the error code. */
    public String errorText() {
        return romError().map(RomError::text).orElse("Unknown loader error");
    }

    @Override
    public boolean retriable() {
        return romError().map(RomError::retriable).orElse(false);
    }
}
