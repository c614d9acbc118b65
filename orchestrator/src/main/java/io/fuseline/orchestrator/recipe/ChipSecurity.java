package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.esp.efuse.EfuseFieldCatalog;
import io.fuseline.esp.efuse.KeyPurpose;
import java.util.List;
import java.util.Map;

/**
 * The security eFuses a recipe's profile is about, per chip family (espefuse names): the flash-crypt counter, the
 * bit that stops download mode from writing with the flash-encryption key, the Secure Boot V2 enable bit, and the
 * key purposes of each flash-encryption key size.
 */
public record ChipSecurity(ChipFamily chip, String cryptCounter, String disableDownloadEncrypt, String secureBootEnable,
                           KeyPurpose secureBootPurpose, Map<Integer, List<KeyPurpose>> flashKeyPurposes) {

    public static ChipSecurity of(ChipFamily chip) {
        return switch (chip) {
            case ESP32 -> new ChipSecurity(chip, "FLASH_CRYPT_CNT", "DISABLE_DL_ENCRYPT", "ABS_DONE_1",
                    KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST, Map.of(256, List.of(KeyPurpose.ESP32_FLASH_ENCRYPTION)));
            case ESP32S3 -> new ChipSecurity(chip, "SPI_BOOT_CRYPT_CNT", "DIS_DOWNLOAD_MANUAL_ENCRYPT",
                    "SECURE_BOOT_EN", KeyPurpose.SECURE_BOOT_DIGEST0, Map.of(
                            128, List.of(KeyPurpose.XTS_AES_128_KEY),
                            256, List.of(KeyPurpose.XTS_AES_256_KEY_1, KeyPurpose.XTS_AES_256_KEY_2)));
            case ESP32C3 -> new ChipSecurity(chip, "SPI_BOOT_CRYPT_CNT", "DIS_DOWNLOAD_MANUAL_ENCRYPT",
                    "SECURE_BOOT_EN", KeyPurpose.SECURE_BOOT_DIGEST0, Map.of(128, List.of(KeyPurpose.XTS_AES_128_KEY)));
        };
    }

    /**
     * The value the flash-crypt counter is burned to: one bit in development (an odd count enables encryption and
     * can be toggled again), every bit in release (it can never change again).
     */
    public long cryptCounterValue(Recipe.SecurityProfile profile) {
        int bits = field(cryptCounter).bitLength();
        return switch (profile) {
            case DEVELOPMENT -> 1;
            case RELEASE -> (1L << bits) - 1;
        };
    }

    public EfuseField field(String name) {
        return EfuseFieldCatalog.of(chip).field(name).orElseThrow(() -> new IllegalStateException(
                chip.toolName() + " has no eFuse field " + name));
    }
}
