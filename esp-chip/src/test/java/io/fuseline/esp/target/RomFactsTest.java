package io.fuseline.esp.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseChip;
import org.junit.jupiter.api.Test;

/** The loader facts agree with the eFuse maps of the same families. */
class RomFactsTest {

    @Test
    void efuseBasesMatchTheEfuseMaps() {
        assertThat((long) Esp32Rom.EFUSE_BASE).isEqualTo(EfuseChip.of(ChipFamily.ESP32).baseAddress());
        assertThat((long) Esp32S3Rom.EFUSE_BASE).isEqualTo(EfuseChip.of(ChipFamily.ESP32S3).baseAddress());
        assertThat((long) Esp32C3Rom.EFUSE_BASE).isEqualTo(EfuseChip.of(ChipFamily.ESP32C3).baseAddress());
    }

    @Test
    void rsChipsKeepMacAndRevisionInBlock1() {
        assertThat(EfuseChip.of(ChipFamily.ESP32S3).block(1).readOffset()).isEqualTo(Esp32S3Rom.EFUSE_BLOCK1);
        assertThat(EfuseChip.of(ChipFamily.ESP32C3).block(1).readOffset()).isEqualTo(Esp32C3Rom.EFUSE_BLOCK1);
    }
}
