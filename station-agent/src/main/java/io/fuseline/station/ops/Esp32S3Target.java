package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.target.Esp32S3Rom;
import java.util.List;
import java.util.OptionalInt;

/** ESP32-S3 (NOTES §d.2, §e.3): GET_SECURITY_INFO chip id 9. */
public final class Esp32S3Target implements LoaderTarget {

    public static final Esp32S3Target INSTANCE = new Esp32S3Target();

    public static final int CHIP_ID = Esp32S3Rom.CHIP_ID;
    public static final int EFUSE_BASE = Esp32S3Rom.EFUSE_BASE;
    public static final int UART_CLKDIV = Esp32S3Rom.UART_CLKDIV;
    public static final int UART_DATE = Esp32S3Rom.UART_DATE;

    private static final SpiRegisters SPI = SpiRegisters.at(Esp32S3Rom.SPI_BASE, Esp32S3Rom.SPI_USR,
            Esp32S3Rom.SPI_USR1, Esp32S3Rom.SPI_USR2, Esp32S3Rom.SPI_MOSI_DLEN, Esp32S3Rom.SPI_MISO_DLEN, Esp32S3Rom.SPI_W0);

    private Esp32S3Target() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32S3; }

    @Override
    public List<Integer> magicValues() { return List.of(Esp32S3Rom.MAGIC); }

    @Override
    public OptionalInt securityInfoChipId() { return OptionalInt.of(CHIP_ID); }

    @Override
    public boolean romFlashBeginHasEncryptWord() { return true; }

    @Override
    public int uartDateReg() { return UART_DATE; }

    @Override
    public int uartClkdivReg() { return UART_CLKDIV; }

    @Override
    public SpiRegisters spi() { return SPI; }

    @Override
    public MacAddress readMac(RegisterReader regs) throws LoaderException {
        return RsTargets.readMac(EFUSE_BASE, regs);
    }

    @Override
    public ChipRevision readRevision(RegisterReader regs) throws LoaderException {
        return RsTargets.readRevision(EFUSE_BASE, regs);
    }

    @Override
    public String toString() { return "ESP32-S3"; }
}
