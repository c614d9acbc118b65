package io.fuseline.esp.target;

/** ESP32 facts for a ROM-loader host (NOTES §d.1, §e.3). Its ROM has no GET_SECURITY_INFO. Constants only. */
public final class Esp32Rom {
    /** ROM register read by magic-value chip detection (every family). */
    public static final int CHIP_MAGIC_REG = 0x40001000;
    public static final int MAGIC = 0x00F01D83;
    public static final int EFUSE_BASE = 0x3FF5A000;
    /** APB_CTL_DATE: bit 31 is the third revision bit (v3.0). */
    public static final int APB_CTL_DATE = 0x3FF6607C;
    public static final int APB_CTL_DATE_REV3_BIT = 31;
    /** RTC calibration register the ROM derives its 8 MHz clock estimate from (CHANGE_BAUDRATE quirk). */
    public static final int RTCCALICFG1 = 0x3FF5F06C;
    /** UART0 clock divider: crystal = (divider & 0xFFFFF) × baud. */
    public static final int UART_CLKDIV = 0x3FF40014;
    /** UART_DATE: harmless target of esptool's pure-delay WRITE_REG records. */
    public static final int UART_DATE = 0x60000078;
    /** eFuse BLOCK0 word 4: CLK8M_FREQ in bits 7:0. */
    public static final int EFUSE_CLK8M_WORD = EFUSE_BASE + 0x10;
    /** eFuse BLOCK0 word 1: MAC bytes 2..5, big-endian. */
    public static final int EFUSE_MAC_LO_WORD = EFUSE_BASE + 0x04;
    /** eFuse BLOCK0 word 2: MAC_CRC in bits 23:16, MAC bytes 0..1 in bits 15:0. */
    public static final int EFUSE_MAC_HI_WORD = EFUSE_BASE + 0x08;
    /** eFuse BLOCK0 word 3: CHIP_VER_REV1 in bit 15. */
    public static final int EFUSE_REV1_WORD = EFUSE_BASE + 0x0C;
    public static final int EFUSE_REV1_BIT = 15;
    /** eFuse BLOCK0 word 5: CHIP_VER_REV2 in bit 20, WAFER_VERSION_MINOR in bits 25:24. */
    public static final int EFUSE_REV2_WORD = EFUSE_BASE + 0x14;
    public static final int EFUSE_REV2_BIT = 20;
    public static final int EFUSE_MINOR_SHIFT = 24;
    /** SPI0 user-command registers: base and offsets of USR, USR1, USR2, MOSI_DLEN, MISO_DLEN, W0 (CMD at +0). */
    public static final int SPI_BASE = 0x3FF42000;
    public static final int SPI_USR = 0x1C;
    public static final int SPI_USR1 = 0x20;
    public static final int SPI_USR2 = 0x24;
    public static final int SPI_MOSI_DLEN = 0x28;
    public static final int SPI_MISO_DLEN = 0x2C;
    public static final int SPI_W0 = 0x80;

    private Esp32Rom() {
    }
}
