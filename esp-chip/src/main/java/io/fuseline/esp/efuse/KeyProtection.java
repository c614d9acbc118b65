package io.fuseline.esp.efuse;

/**
 * Which protections a key burn adds, as espefuse's options choose them.
 *
 * <p>{@code writeProtect}: set the key block's WR_DIS bit (espefuse default; ESP32 {@code --no-protect-key},
 * S3/C3 {@code --no-write-protect} clear it). {@code readProtect}: set the block's RD_DIS bit, but only where
 * espefuse would: ESP32 when the block is named by the alias {@code flash_encryption} or {@code secure_boot_v1};
 * S3/C3 for XTS-AES and HMAC purposes (USER, RESERVED and digests stay readable). KEY_PURPOSE_n of a burned key
 * block is write-protected regardless, as espefuse does.
 */
public record KeyProtection(boolean writeProtect, boolean readProtect) {
    /** espefuse's default: write-protect, and read-protect where the purpose needs it. */
    public static final KeyProtection DEFAULT = new KeyProtection(true, true);
    /** ESP32 {@code --no-protect-key}; S3/C3 {@code --no-write-protect --no-read-protect}. */
    public static final KeyProtection NONE = new KeyProtection(false, false);
    /** S3/C3 {@code --no-read-protect}: write-protected, readable. */
    public static final KeyProtection WRITE_ONLY = new KeyProtection(true, false);

    /** The protection espefuse's {@code --no-protect-key}, {@code --no-write-protect}, {@code --no-read-protect} leave. */
    public static KeyProtection fromEspefuseFlags(boolean noProtectKey, boolean noWriteProtect, boolean noReadProtect) {
        return noProtectKey ? NONE : new KeyProtection(!noWriteProtect, !noReadProtect);
    }
}
