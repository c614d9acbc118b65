package io.fuseline.station.ops;

import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.WriteRegister;

/**
 * Runs one SPI flash command through the flash controller's user-command registers, which is how a host reads
 * the flash id from the ROM without a stub (NOTES §e.3 step 6). Restores USR and USR2 afterwards, because the
 * ROM's own flash routines use them. Needs SPI_ATTACH first.
 */
final class SpiFlashProbe {

    static final int RDID = 0x9F;
    private static final int POLLS = 10;

    private final CommandChannel channel;
    private final SpiRegisters spi;

    SpiFlashProbe(CommandChannel channel, SpiRegisters spi) {
        this.channel = channel;
        this.spi = spi;
    }

    FlashId readId() throws LoaderException {
        return new FlashId(command(RDID, 24) & 0xFFFFFF);
    }

    /** Sends {@code opcode} and reads {@code readBits} (1..32) back. */
    int command(int opcode, int readBits) throws LoaderException {
        int oldUsr = read(spi.usr());
        int oldUsr2 = read(spi.usr2());
        write(spi.misoDlen(), readBits - 1);
        write(spi.usr(), SpiRegisters.USR_COMMAND | SpiRegisters.USR_MISO);
        write(spi.usr2(), SpiRegisters.USR2_COMMAND_8_BITS | opcode);
        write(spi.w0(), 0);
        write(spi.cmd(), SpiRegisters.CMD_USR);
        for (int i = 0; i < POLLS && (read(spi.cmd()) & SpiRegisters.CMD_USR) != 0; i++) {
            // The ROM clears the bit when the transaction is done; a flash command takes microseconds.
        }
        int answer = read(spi.w0());
        // Not in a finally: after a failed exchange the session is resynced anyway, and a second failure
        // here would hide the first.
        write(spi.usr(), oldUsr);
        write(spi.usr2(), oldUsr2);
        return answer;
    }

    private int read(int address) throws LoaderException {
        return channel.execute(Requests.readReg(address)).value();
    }

    private void write(int address, int value) throws LoaderException {
        channel.execute(Requests.writeReg(WriteRegister.of(address, value)));
    }
}
