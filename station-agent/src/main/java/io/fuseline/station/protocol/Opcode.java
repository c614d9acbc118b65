package io.fuseline.station.protocol;

import java.util.Optional;

/**
 * Command codes of the ESP32-family ROM serial loader and of esptool's flasher stub (the {@code 0xD*}
 * codes, which a ROM answers as unsupported).
 */
public enum Opcode {
    FLASH_BEGIN(0x02),
    FLASH_DATA(0x03),
    FLASH_END(0x04),
    MEM_BEGIN(0x05),
    MEM_END(0x06),
    MEM_DATA(0x07),
    SYNC(0x08),
    WRITE_REG(0x09),
    READ_REG(0x0A),
    SPI_SET_PARAMS(0x0B),
    SPI_ATTACH(0x0D),
    /** ROM only: up to 64 bytes per command. */
    READ_FLASH_SLOW(0x0E),
    CHANGE_BAUDRATE(0x0F),
    FLASH_DEFL_BEGIN(0x10),
    FLASH_DEFL_DATA(0x11),
    FLASH_DEFL_END(0x12),
    SPI_FLASH_MD5(0x13),
    /** S2 and later; the ESP32 ROM answers it as an invalid message. */
    GET_SECURITY_INFO(0x14),
    ERASE_FLASH(0xD0),
    ERASE_REGION(0xD1),
    /** Stub only: streamed read with host acknowledgements. */
    READ_FLASH(0xD2),
    RUN_USER_CODE(0xD3),
    FLASH_ENCRYPT_DATA(0xD4);

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The byte on the wire, 0..255. */
    public int code() { return code; }

    /** Whether only esptool's stub implements this command. */
    public boolean stubOnly() { return code >= 0xD0; }

    /**
     * Whether the request's checksum field covers its data: true only for the three data-block commands;
     * for every other command the field is sent as zero.
     */
    public boolean checksummed() {
        return this == MEM_DATA || this == FLASH_DATA || this == FLASH_DEFL_DATA;
    }

    /** The opcode for a wire byte, empty for codes this client does not know. */
    public static Optional<Opcode> fromCode(int code) {
        return code < 0 || code > 0xFF ? Optional.empty() : Optional.ofNullable(BY_CODE[code]);
    }

    /** {@code NAME (0x0A)}, as operators see it in logs. */
    public String describe() {
        return String.format("%s (0x%02X)", name(), code);
    }

    /** Names a raw wire byte, known or not. */
    public static String describe(int code) {
        return fromCode(code).map(Opcode::describe).orElseGet(() -> String.format("unknown op 0x%02X", code));
    }
}
