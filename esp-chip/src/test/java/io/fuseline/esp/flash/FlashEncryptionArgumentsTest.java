package io.fuseline.esp.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import org.junit.jupiter.api.Test;

/** Refusals name the value that is wrong, so an operator can fix a recipe without a debugger. */
class FlashEncryptionArgumentsTest {
    private static final byte[] K16 = new byte[16];
    private static final byte[] K24 = new byte[24];
    private static final byte[] K32 = new byte[32];
    private static final byte[] K64 = new byte[64];

    @Test
    void refusesMisalignedAddress() {
        try (FlashEncryption fe = FlashEncryption.xts(K32)) {
            assertThatThrownBy(() -> fe.encrypt(0x1008, new byte[16]))
                    .isInstanceOf(FlashEncryptionArgumentException.class).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0x1008").hasMessageContaining("multiple of 16");
        }
        try (FlashEncryption fe = FlashEncryption.esp32(K32, 0xF)) {
            assertThatThrownBy(() -> fe.decrypt(0x1004, new byte[16])).hasMessageContaining("0x1004");
        }
    }

    @Test
    void refusesLengthNotMultipleOf16() {
        try (FlashEncryption fe = FlashEncryption.esp32(K32, 0xF)) {
            assertThatThrownBy(() -> fe.encrypt(0x1000, new byte[33]))
                    .isInstanceOf(FlashEncryptionArgumentException.class).hasMessageContaining("33");
        }
    }

    @Test
    void refusesWrongKeyLengths() {
        assertThatThrownBy(() -> FlashEncryption.esp32(K16, 0xF))
                .isInstanceOf(FlashEncryptionArgumentException.class).hasMessageContaining("got 16 bytes");
        assertThatThrownBy(() -> FlashEncryption.esp32(K64, 0xF)).hasMessageContaining("got 64 bytes");
        assertThatThrownBy(() -> FlashEncryption.xts(K24)).hasMessageContaining("got 24 bytes");
        assertThatThrownBy(() -> FlashEncryption.xts(K16)).hasMessageContaining("got 16 bytes");
        assertThatThrownBy(() -> FlashEncryption.xtsDerivedFrom128(K32)).hasMessageContaining("got 32 bytes");
    }

    @Test
    void enforcesTheKeyLengthsOfEachChip() {
        assertThatThrownBy(() -> FlashEncryption.forChip(ChipFamily.ESP32C3, K64))
                .isInstanceOf(FlashEncryptionArgumentException.class)
                .hasMessageContaining("ESP32-C3").hasMessageContaining("got 64 bytes");
        assertThatThrownBy(() -> FlashEncryption.forChip(ChipFamily.ESP32S3, K24)).hasMessageContaining("got 24 bytes");
        assertThatThrownBy(() -> FlashEncryption.forChip(ChipFamily.ESP32, K64)).hasMessageContaining("got 64 bytes");
        try (FlashEncryption s3 = FlashEncryption.forChip(ChipFamily.ESP32S3, K64);
             FlashEncryption c3 = FlashEncryption.forChip(ChipFamily.ESP32C3, K32);
             FlashEncryption esp32 = FlashEncryption.forChip(ChipFamily.ESP32, K24)) {
            assertThat(s3).isInstanceOfSatisfying(XtsFlashEncryption.class, x -> assertThat(x.keyBits()).isEqualTo(256));
            assertThat(c3).isInstanceOfSatisfying(XtsFlashEncryption.class, x -> assertThat(x.keyBits()).isEqualTo(128));
            assertThat(esp32).isInstanceOfSatisfying(Esp32FlashEncryption.class,
                    e -> assertThat(e.flashCryptConfig()).isEqualTo(0xF));
        }
    }

    @Test
    void refusesFlashCryptConfigOutOfRange() {
        assertThatThrownBy(() -> FlashEncryption.esp32(K32, 0x10))
                .isInstanceOf(FlashEncryptionArgumentException.class).hasMessageContaining("0x10");
    }

    @Test
    void chipFaithfulEsp32RefusesRangesPast16Mb() {
        try (FlashEncryption fe = FlashEncryption.esp32(K32, 0xF)) {
            assertThat(fe.encrypt(0xFFFFE0, new byte[32])).hasSize(32);
            assertThatThrownBy(() -> fe.encrypt(0xFFFFE0, new byte[48])).hasMessageContaining("0xffffe0+48");
        }
    }

    @Test
    void refusesAddressesPast32Bits() {
        try (FlashEncryption fe = FlashEncryption.xts(K32)) {
            assertThatThrownBy(() -> fe.encrypt(0xFFFF_FFF0L, new byte[32])).hasMessageContaining("0xfffffff0");
            assertThatThrownBy(() -> fe.encrypt(-16, new byte[16])).isInstanceOf(FlashEncryptionArgumentException.class);
        }
    }

    @Test
    void refusesUseAfterClose() {
        FlashEncryption fe = FlashEncryption.xts(K32);
        fe.close();
        assertThatThrownBy(() -> fe.encrypt(0, new byte[16])).isInstanceOf(IllegalStateException.class);
    }
}
