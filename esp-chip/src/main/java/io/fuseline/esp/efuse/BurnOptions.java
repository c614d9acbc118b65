package io.fuseline.esp.efuse;

/**
 * Options of a burn plan.
 *
 * @param postponeSecurityFields espefuse {@code --postpone}: burn BLOCK0 in two steps, the second holding the
 *                               fields that lock protection or communication (WR_DIS, RD_DIS; ESP32
 *                               UART_DOWNLOAD_DIS, ABS_DONE_1, FLASH_CRYPT_CNT; S3/C3 ENABLE_SECURITY_DOWNLOAD,
 *                               DIS_DOWNLOAD_MODE, SPI_BOOT_CRYPT_CNT, SECURE_BOOT_EN), so a failed first step
 *                               can still be recovered. Off by default, as in espefuse.
 */
public record BurnOptions(boolean postponeSecurityFields) {
    public static final BurnOptions DEFAULT = new BurnOptions(false);
}
