package io.fuseline.esp.target;

/** ESP32-S3 facts for a ROM-loader host (NOTES §d.2, §e.3): GET_SECURITY_INFO chip id 9. Constants only. */
public final class Esp32S3Rom {
    public static final int CHIP_ID = 9;
    /** Magic value at {@link Esp32Rom#CHIP_MAGIC_REG} (esptool's CHIP_DETECT_MAGIC_VALUE). */
    public static final int MAGIC = 0x9;
    public static final int EFUSE_BASE = 0x60007000;
    public static final int UART_CLKDIV = 0x60000014;
    public static final int UART_DATE = 0x60000080;
    /** eFuse BLOCK1 (MAC_SPI_8M) read offset: word 0 MAC bytes 2..5, word 1 [15:0] bytes 0..1. */
    public static final int EFUSE_BLOCK1 = 0x44;
    /** SPI1 user-command registers: base and offsets (CMD at +0). */
    public static final int SPI_BASE = 0x60002000;
    public static final int SPI_USR = 0x18;
    public static final int SPI_USR1 = 0x1C;
    public static final int SPI_USR2 = 0x20;
    public static final int SPI_MOSI_DLEN = 0x24;
    public static final int SPI_MISO_DLEN = 0x28;
    public static final int SPI_W0 = 0x58;

    private Esp32S3Rom() {
    }
}
