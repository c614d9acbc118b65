package io.fuseline.esp.target;

import java.util.List;

/**
 * ESP32-C3 facts for a ROM-loader host (NOTES §d.2, §e.3): GET_SECURITY_INFO chip id 5; SPI registers and the
 * BLOCK1 MAC/revision layout as on the ESP32-S3. Constants only.
 */
public final class Esp32C3Rom {
    public static final int CHIP_ID = 5;
    /** Magic values at {@link Esp32Rom#CHIP_MAGIC_REG}, one per silicon revision (esptool's list). */
    public static final List<Integer> MAGICS = List.of(0x6921506F, 0x1B31506F, 0x4881606F, 0x4361606F);
    public static final int EFUSE_BASE = 0x60008800;
    public static final int UART_CLKDIV = 0x60000014;
    public static final int UART_DATE = 0x6000007C;
    public static final int EFUSE_BLOCK1 = Esp32S3Rom.EFUSE_BLOCK1;
    public static final int SPI_BASE = Esp32S3Rom.SPI_BASE;

    private Esp32C3Rom() {
    }
}
