package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.OptionalInt;

/** ESP32-S3 (NOTES §d.2, §e.3): GET_SECURITY_INFO chip id 9. */
public final class Esp32S3Target implements LoaderTarget {

    public static final Esp32S3Target INSTANCE = new Esp32S3Target();

    public static final int CHIP_ID = 9;
    public static final int EFUSE_BASE = 0x60007000;
    public static final int UART_CLKDIV = 0x60000014;
    public static final int UART_DATE = 0x60000080;

    private static final SpiRegisters SPI = SpiRegisters.at(0x60002000, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58);

    private Esp32S3Target() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32S3; }

    @Override
    public List<Integer> magicValues() { return List.of(0x9); }

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
