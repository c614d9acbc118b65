package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import org.junit.jupiter.api.Test;

class EfuseFieldCatalogTest {
    @Test
    void esp32FlashCryptCntIsSevenBitsInWordZeroProtectedByWrDisBitTwo() {
        EfuseField f = EfuseFieldCatalog.of(ChipFamily.ESP32).field("FLASH_CRYPT_CNT").orElseThrow();
        assertThat(f.block()).isZero();
        assertThat(f.word()).isZero();
        assertThat(f.position()).isEqualTo(20);
        assertThat(f.bitLength()).isEqualTo(7);
        assertThat(f.writeDisableBit()).hasValue(2);
    }

    @Test
    void s3SpiBootCryptCntAndKeyPurposesAreKnownAndC3LacksUsbOtg() {
        EfuseFieldCatalog s3 = EfuseFieldCatalog.of(ChipFamily.ESP32S3);
        EfuseField cnt = s3.field("SPI_BOOT_CRYPT_CNT").orElseThrow();
        assertThat(cnt.word()).isEqualTo(2);
        assertThat(cnt.position()).isEqualTo(18);
        assertThat(cnt.bitLength()).isEqualTo(3);
        assertThat(s3.contains("KEY_PURPOSE_5")).isTrue();
        assertThat(s3.contains("DIS_USB_OTG")).isTrue();
        assertThat(EfuseFieldCatalog.of(ChipFamily.ESP32C3).contains("DIS_USB_OTG")).isFalse();
        assertThat(s3.contains("NO_SUCH_FIELD")).isFalse();
    }

    @Test
    void everyChipHasItsTable() {
        for (ChipFamily chip : ChipFamily.values()) {
            assertThat(EfuseFieldCatalog.of(chip).fields()).hasSizeGreaterThan(50);
        }
    }

    @Test
    void keyPurposesFollowTheChips() {
        assertThat(KeyPurpose.XTS_AES_256_KEY_1.availableOn(ChipFamily.ESP32S3)).isTrue();
        assertThat(KeyPurpose.XTS_AES_256_KEY_1.availableOn(ChipFamily.ESP32C3)).isFalse();
        assertThat(KeyPurpose.XTS_AES_128_KEY.availableOn(ChipFamily.ESP32)).isFalse();
        assertThat(KeyPurpose.ESP32_FLASH_ENCRYPTION.availableOn(ChipFamily.ESP32)).isTrue();
        assertThat(KeyPurpose.fromEfuseValue(9)).hasValue(KeyPurpose.SECURE_BOOT_DIGEST0);
        assertThat(KeyPurpose.fromEfuseValue(-1)).isEmpty();
    }
}
