package io.fuseline.station.ops;

import io.fuseline.station.protocol.Requests;
import java.io.IOException;

/**
 * CHANGE_BAUDRATE. The chip answers at the old rate, then switches; the host follows. The ESP32 ROM computes its
 * divider from an estimate of its own clock instead of the real one, so the host sends
 * {@code baud × f_rom / f_nominal} (NOTES §e.3 step 5); other ROMs get the real rate. The second word is 0 for a
 * ROM.
 */
final class BaudRateChanger {

    private final CommandChannel channel;
    private final LoaderTarget target;

    BaudRateChanger(CommandChannel channel, LoaderTarget target) {
        this.channel = channel;
        this.target = target;
    }

    /** @return the value sent to the chip (differs from {@code baud} on an ESP32 whose clock estimate is off) */
    int change(int baud) throws LoaderException {
        int sent = target instanceof Esp32Target ? esp32RomBaud(baud) : baud;
        channel.execute(Requests.changeBaudrate(sent, 0));
        try {
            channel.transport().setBaudRate(baud);
        } catch (IOException e) {
            throw new LoaderIoException("switching the port to " + baud + " baud", e);
        }
        // Bytes sent during the switch arrive garbled at the new rate.
        channel.flushInput();
        return sent;
    }

    private int esp32RomBaud(int baud) throws LoaderException {
        long cali = Integer.toUnsignedLong(channel.execute(Requests.readReg(Esp32Target.RTCCALICFG1)).value());
        int clk8m = channel.execute(Requests.readReg(Esp32Target.EFUSE_CLK8M_WORD)).value() & 0xFF;
        long romFreq = ((cali >>> 7) & 0x1FFFFFF) * 15625L * clk8m / 40;
        long nominal = romFreq > 33_000_000L ? 40_000_000L : 26_000_000L;
        return romFreq == 0 ? baud : (int) (baud * romFreq / nominal);
    }
}
