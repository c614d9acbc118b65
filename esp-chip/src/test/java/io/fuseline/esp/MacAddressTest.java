package io.fuseline.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void roundTripsTheCanonicalForm() {
        MacAddress mac = MacAddress.parse("24:0a:c4:12:34:56");
        assertThat(mac.toString()).isEqualTo("24:0a:c4:12:34:56");
        assertThat(mac.bytes()).containsExactly(0x24, 0x0a, 0xc4, 0x12, 0x34, 0x56);
        assertThat(mac).isEqualTo(MacAddress.parse("24:0a:c4:12:34:56"));
        assertThat(mac.isMulticast()).isFalse();
    }

    @Test
    void refusesOtherSpellingsSoOneUnitHasOneKey() {
        for (String bad : new String[] {"24:0A:C4:12:34:56", "24-0a-c4-12-34-56", "240ac4123456", "24:0a:c4:12:34", null}) {
            assertThatThrownBy(() -> MacAddress.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aa:bb:cc:dd:ee:ff");
        }
    }

    @Test
    void crcIsCrc8MaximAsTheEsp32EfuseStoresIt() {
        assertThat(MacAddress.crc8Maxim("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xA1);
        assertThat(MacAddress.parse("00:00:00:00:00:00").esp32Crc8()).isZero();
    }

    @Test
    void multicastBitIsSeen() {
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
    }
}
