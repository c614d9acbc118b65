package io.fuseline.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChipFamilyTest {
    @Test
    void acceptsToolAndDisplaySpellings() {
        assertThat(ChipFamily.parse("esp32s3")).isEqualTo(ChipFamily.ESP32S3);
        assertThat(ChipFamily.parse("ESP32-C3")).isEqualTo(ChipFamily.ESP32C3);
        assertThat(ChipFamily.fromName("esp32c6")).isEmpty();
    }

    @Test
    void unknownChipNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> ChipFamily.parse("esp8266")).hasMessageContaining("esp32, esp32s3, esp32c3");
    }
}
