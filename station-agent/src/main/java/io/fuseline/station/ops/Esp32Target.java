package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.target.Esp32Rom;
import java.util.List;
import java.util.OptionalInt;

/** ESP32 (NOTES §d.1, §e.3): identified by magic {@code 0x00F01D83}; its ROM has no GET_SECURITY_INFO. */
public final class Esp32Target implements LoaderTarget {

    public static final Esp32Target INSTANCE = new Esp32Target();

    public static final int MAGIC = Esp32Rom.MAGIC;
    public static final int EFUSE_BASE = Esp32Rom.EFUSE_BASE;
    /** APB_CTL_DATE: bit 31 is the third revision bit. */
    public static final int APB_CTL_DATE = Esp32Rom.APB_CTL_DATE;
    /** RTC_CNTL calibration register from which the ROM's 8 MHz clock estimate is derived (baud quirk). */
    public static final int RTCCALICFG1 = Esp32Rom.RTCCALICFG1;
    public static final int UART_CLKDIV = Esp32Rom.UART_CLKDIV;
    public static final int UART_DATE = Esp32Rom.UART_DATE;
    /** eFuse BLOCK0 word 4: CLK8M_FREQ in bits 7:0. */
    public static final int EFUSE_CLK8M_WORD = Esp32Rom.EFUSE_CLK8M_WORD;

    private static final SpiRegisters SPI = SpiRegisters.at(Esp32Rom.SPI_BASE, Esp32Rom.SPI_USR, Esp32Rom.SPI_USR1,
            Esp32Rom.SPI_USR2, Esp32Rom.SPI_MOSI_DLEN, Esp32Rom.SPI_MISO_DLEN, Esp32Rom.SPI_W0);

    private Esp32Target() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32; }

    @Override
    public List<Integer> magicValues() { return List.of(MAGIC); }

    @Override
    public OptionalInt securityInfoChipId() { return OptionalInt.empty(); }

    @Override
    public boolean romFlashBeginHasEncryptWord() { return false; }

    @Override
    public int uartDateReg() { return UART_DATE; }

    @Override
    public int uartClkdivReg() { return UART_CLKDIV; }

    @Override
    public SpiRegisters spi() { return SPI; }

    /** BLOCK0 word 1 = MAC bytes 2..5, word 2 = CRC ‖ bytes 0..1. */
    @Override
    public MacAddress readMac(RegisterReader regs) throws LoaderException {
        return LoaderTarget.macOf(regs.read(Esp32Rom.EFUSE_MAC_HI_WORD) & 0xFFFF, regs.read(Esp32Rom.EFUSE_MAC_LO_WORD));
    }

    /** Major from three bits (eFuse word 3 bit 15, word 5 bit 20, APB_CTL_DATE bit 31), minor word 5 [25:24]. */
    @Override
    public ChipRevision readRevision(RegisterReader regs) throws LoaderException {
        int word3 = regs.read(Esp32Rom.EFUSE_REV1_WORD);
        int word5 = regs.read(Esp32Rom.EFUSE_REV2_WORD);
        int apb = regs.read(APB_CTL_DATE);
        int bits = (word3 >>> 15 & 1) | (word5 >>> 20 & 1) << 1 | (apb >>> 31 & 1) << 2;
        int major = switch (bits) {
            case 1 -> 1;
            case 3 -> 2;
            case 7 -> 3;
            default -> 0;
        };
        return new ChipRevision(major, word5 >>> 24 & 3);
    }

    @Override
    public String toString() { return "ESP32"; }
}
