package io.fuseline.station.ops;

/**
 * The SPI flash controller's user-command registers through which the ROM lets a host run one flash command
 * (NOTES §e.3 step 6). Absolute addresses.
 */
public record SpiRegisters(int cmd, int usr, int usr1, int usr2, int mosiDlen, int misoDlen, int w0) {

    /** CMD bit that starts a user command and self-clears when it is done. */
    public static final int CMD_USR = 1 << 18;
    /** USR: the transaction has a command phase. */
    public static final int USR_COMMAND = 1 << 31;
    /** USR: the transaction has a read (MISO) phase. */
    public static final int USR_MISO = 1 << 28;
    /** USR2: command length minus one (8 bits) in bits 31:28. */
    public static final int USR2_COMMAND_8_BITS = 7 << 28;

    static SpiRegisters at(int base, int usr, int usr1, int usr2, int mosiDlen, int misoDlen, int w0) {
        return new SpiRegisters(base, base + usr, base + usr1, base + usr2, base + mosiDlen, base + misoDlen,
                base + w0);
    }
}
