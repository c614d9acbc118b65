package io.fuseline.esp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The chip families Fuseline provisions. The {@link #toolName()} is the spelling Espressif's tools use
 * ({@code --chip esp32s3}) and the one that appears in events and recipes.
 */
public enum ChipFamily {
    ESP32("esp32", "ESP32", FlashEncryptionScheme.ESP32_AES256_TWEAK),
    ESP32S3("esp32s3", "ESP32-S3", FlashEncryptionScheme.XTS_AES),
    ESP32C3("esp32c3", "ESP32-C3", FlashEncryptionScheme.XTS_AES);

    /** How a family encrypts flash: the ESP32's tweaked AES-256, or XTS-AES on the newer chips. */
    public enum FlashEncryptionScheme { ESP32_AES256_TWEAK, XTS_AES }

    private final String toolName;
    private final String displayName;
    private final FlashEncryptionScheme flashEncryption;

    ChipFamily(String toolName, String displayName, FlashEncryptionScheme flashEncryption) {
        this.toolName = toolName;
        this.displayName = displayName;
        this.flashEncryption = flashEncryption;
    }

    public String toolName() { return toolName; }

    public String displayName() { return displayName; }

    public FlashEncryptionScheme flashEncryption() { return flashEncryption; }

    /** Parses {@code esp32}, {@code esp32s3}, {@code ESP32-S3}, ... case-insensitively. */
    public static Optional<ChipFamily> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(values()).filter(c -> c.toolName.equals(n)).findFirst();
    }

    /** Like {@link #fromName} but fails with the accepted spellings in the message. */
    public static ChipFamily parse(String name) {
        return fromName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown chip family '" + name + "' (expected one of esp32, esp32s3, esp32c3)"));
    }
}
