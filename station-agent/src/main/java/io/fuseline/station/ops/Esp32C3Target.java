package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.OptionalInt;

/** ESP32-C3: GET_SECURITY_INFO chip id 5; eFuse base {@code 0x60008800}, SPI registers as on the S3. */
public final class Esp32C3Target implements LoaderTarget {

    public static final Esp32C3Target INSTANCE = new Esp32C3Target();

    public static final int CHIP_ID = 5;
    public static final int EFUSE_BASE = 0x60008800;
    public static final int UART_CLKDIV = 0x60000014;
    public static final int UART_DATE = 0x6000007C;

    private static final SpiRegisters SPI = SpiRegisters.at(0x60002000, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58);

    private Esp32C3Target() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32C3; }

    @Override
    public List<Integer> magicValues() { return List.of(0x6921506F, 0x1B31506F, 0x4881606F, 0x4361606F); }

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
