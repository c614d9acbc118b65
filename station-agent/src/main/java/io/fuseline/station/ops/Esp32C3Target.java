package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.target.Esp32C3Rom;
import java.util.List;
import java.util.OptionalInt;

/** ESP32-C3: GET_SECURITY_INFO chip id 5; eFuse base {@code 0x60008800}, SPI registers as on the S3. */
public final class Esp32C3Target implements LoaderTarget {

    public static final Esp32C3Target INSTANCE = new Esp32C3Target();

    public static final int CHIP_ID = Esp32C3Rom.CHIP_ID;
    public static final int EFUSE_BASE = Esp32C3Rom.EFUSE_BASE;
    public static final int UART_CLKDIV = Esp32C3Rom.UART_CLKDIV;
    public static final int UART_DATE = Esp32C3Rom.UART_DATE;

    private static final SpiRegisters SPI = Esp32S3Target.INSTANCE.spi();

    private Esp32C3Target() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32C3; }

    @Override
    public List<Integer> magicValues() { return Esp32C3Rom.MAGICS; }

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
    public String toString() { return "ESP32-C3"; }
}
