package io.fuseline.station.jig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortAddressTest {

    @Test
    void parsesEveryForm() {
        assertThat(PortAddress.parse("/dev/ttyUSB0")).isEqualTo(new PortAddress.DevicePath("/dev/ttyUSB0"));
        assertThat(PortAddress.parse("socket://127.0.0.1:4000")).isEqualTo(new PortAddress.Socket("127.0.0.1", 4000));
        assertThat(PortAddress.parse("usb:303a:1001:F4:12:FA:00:11:22"))
                .isEqualTo(new PortAddress.UsbIdentity(0x303A, 0x1001, Optional.of("F4:12:FA:00:11:22")));
        assertThat(PortAddress.parse("USB:10C4:EA60")).isEqualTo(new PortAddress.UsbIdentity(0x10C4, 0xEA60,
                Optional.empty()));
        assertThat(PortAddress.parse("usb-path:1-1.2")).isEqualTo(new PortAddress.UsbLocation("1-1.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/ttyACM3", "socket://localhost:4000", "usb:303a:1001:ABC", "usb:10c4:ea60",
        "usb-path:3-2.4"})
    void printsWhatItParses(String text) {
        assertThat(PortAddress.parse(text).toString()).isEqualToIgnoringCase(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket://host", "socket://host:0", "socket://host:x", "usb:303a", "usb:zz:1001",
        "usb:10000:1", "  "})
    void rejectsMalformedAddressesNamingTheForms(String text) {
        assertThatThrownBy(() -> PortAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socket://HOST:PORT").hasMessageContaining("usb:VID:PID");
    }
}
