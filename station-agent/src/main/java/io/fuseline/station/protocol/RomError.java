package io.fuseline.station.protocol;

import java.util.Optional;

/**
 * The one table of loader error codes (the byte after the status flag) with the text an operator sees.
 * ROM codes 0x05..0x0B are Espressif's documented ROM loader errors; 0x0C..0x0F and 0x64..0x69 are codes
 * newer ROMs send that Espressif's serial-protocol page does not list (meaning per esptool's sources as
 * summarised in NOTES §e.1); 0xC0..0xC9 and 0xFF come from esptool's flasher stub.
 *
 * <p>{@link #retriable()} says whether repeating the same command may succeed: true for corruption in
 * transit and for flash I/O failures, false for requests the loader rejects as such.
 */
public enum RomError {
    INVALID_MESSAGE(0x05, false, "Received message is invalid (parameters or length field is invalid)"),
    FAILED_TO_ACT(0x06, false, "Failed to act on received message"),
    INVALID_CRC(0x07, true, "Invalid CRC in message (data corrupted on the serial line)"),
    FLASH_WRITE_ERROR(0x08, true, "Flash write error: the block read back from flash does not match what was"
            + " written"),
    FLASH_READ_ERROR(0x09, true, "Flash read error: SPI read failed"),
    FLASH_READ_LENGTH_ERROR(0x0A, false, "Flash read length error: SPI read request length is too long"),
    DEFLATE_ERROR(0x0B, false, "Deflate error: compressed data could not be inflated"),
    ADLER32_ERROR(0x0C, false, "Adler-32 checksum of the compressed data does not match"),
    DEFLATE_PARAMETER_ERROR(0x0D, false, "Invalid deflate parameters"),
    RAM_SIZE_ERROR(0x0E, false, "Invalid RAM download size"),
    RAM_ADDRESS_ERROR(0x0F, false, "Invalid RAM download address"),
    PARAMETER_ERROR(0x64, 0x69, false, "Invalid command parameter or data format"),
    STUB_BAD_DATA_LENGTH(0xC0, true, "Stub: bad data length"),
    STUB_BAD_DATA_CHECKSUM(0xC1, true, "Stub: bad data checksum (data corrupted on the serial line)"),
    STUB_BAD_BLOCKSIZE(0xC2, false, "Stub: bad block size"),
    STUB_INVALID_COMMAND(0xC3, false, "Stub: invalid command"),
    STUB_FAILED_SPI_OP(0xC4, true, "Stub: SPI flash operation failed"),
    STUB_FAILED_SPI_UNLOCK(0xC5, false, "Stub: SPI flash unlock failed (flash is write-protected)"),
    STUB_NOT_IN_FLASH_MODE(0xC6, false, "Stub: not in flash mode (FLASH_BEGIN missing)"),
    STUB_INFLATE_ERROR(0xC7, false, "Stub: inflate error in compressed data"),
    STUB_NOT_ENOUGH_DATA(0xC8, false, "Stub: not enough data received before END"),
    STUB_TOO_MUCH_DATA(0xC9, false, "Stub: more data received than announced"),
    NOT_IMPLEMENTED(0xFF, false, "Command not implemented by the loader");

    private final int first;
    private final int last;
    private final boolean retriable;
    private final String text;

    RomError(int code, boolean retriable, String text) {
        this(code, code, retriable, text);
    }

    RomError(int first, int last, boolean retriable, String text) {
        this.first = first;
        this.last = last;
        this.retriable = retriable;
        this.text = text;
    }

    /** The (first) error byte this entry stands for. */
    public int code() { return first; }

    /** Whether {@code code} belongs to this entry (only {@link #PARAMETER_ERROR} spans several codes). */
    public boolean covers(int code) { return code >= first && code <= last; }

    public boolean retriable() { return retriable; }

    /** Operator text, without the code. */
    public String text() { return text; }

    /** The entry for an error byte, empty for codes no loader is known to send. */
    public static Optional<RomError> fromCode(int code) {
        for (RomError e : values()) {
            if (e.covers(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** {@code "0x07: Invalid CRC in message (…)"}, or an explicit unknown for codes not in the table. */
    public static String describe(int code) {
        String text = fromCode(code).map(RomError::text).orElse("Unknown loader error");
        return String.format("0x%02X: %s", code, text);
    }
}
