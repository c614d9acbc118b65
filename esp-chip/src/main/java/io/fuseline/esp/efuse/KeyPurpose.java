package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a key block is for. On ESP32-S3/C3 the value is burned into KEY_PURPOSE_n (4 bits); the ESP32 has fixed
 * blocks instead (BLOCK1 flash encryption, BLOCK2 Secure Boot digest), modelled by the two ESP32-only entries.
 */
public enum KeyPurpose {
    USER(0),
    RESERVED(1),
    XTS_AES_256_KEY_1(2),
    XTS_AES_256_KEY_2(3),
    XTS_AES_128_KEY(4),
    HMAC_DOWN_ALL(5),
    HMAC_DOWN_JTAG(6),
    HMAC_DOWN_DIGITAL_SIGNATURE(7),
    HMAC_UP(8),
    SECURE_BOOT_DIGEST0(9),
    SECURE_BOOT_DIGEST1(10),
    SECURE_BOOT_DIGEST2(11),
    /** ESP32 only: BLOCK1, the 256-bit (or 192-bit under 3/4 coding) flash-encryption key. */
    ESP32_FLASH_ENCRYPTION(-1),
    /** ESP32 only: BLOCK2, the Secure Boot V2 public-key digest. */
    ESP32_SECURE_BOOT_V2_DIGEST(-1);

    private final int efuseValue;

    KeyPurpose(int efuseValue) { this.efuseValue = efuseValue; }

    /** The 4-bit KEY_PURPOSE_n value on S3/C3; -1 for the ESP32's fixed-block purposes. */
    public int efuseValue() { return efuseValue; }

    public boolean isXtsKey() {
        return this == XTS_AES_128_KEY || this == XTS_AES_256_KEY_1 || this == XTS_AES_256_KEY_2;
    }

    public boolean isSecureBootDigest() {
        return this == SECURE_BOOT_DIGEST0 || this == SECURE_BOOT_DIGEST1 || this == SECURE_BOOT_DIGEST2
                || this == ESP32_SECURE_BOOT_V2_DIGEST;
    }

    /** Whether the purpose exists on this chip (the C3 has no XTS-AES-256; the ESP32 has no purpose field). */
    public boolean availableOn(ChipFamily chip) {
        return switch (chip) {
            case ESP32 -> efuseValue < 0;
            case ESP32S3 -> efuseValue >= 0;
            case ESP32C3 -> efuseValue >= 0 && this != XTS_AES_256_KEY_1 && this != XTS_AES_256_KEY_2;
        };
    }

    /** The S3/C3 purpose for a 4-bit eFuse value. */
    public static Optional<KeyPurpose> fromEfuseValue(int value) {
        return Arrays.stream(values()).filter(p -> p.efuseValue == value && value >= 0).findFirst();
    }
}
