package io.fuseline.station.jig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PortDiscoveryTest {

    static final PortInfo CP2102_A = usb("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "1-1.2");
    static final PortInfo CP2102_B = usb("/dev/ttyUSB1", 0x10C4, 0xEA60, "0002", "1-1.3");
    static final PortInfo S3_JTAG = usb("/dev/ttyACM0", 0x303A, 0x1001, "F4:12:FA:00:11:22", "1-4");
    static final PortInfo BUILTIN = new PortInfo("/dev/ttyS0", "Physical Port S0", OptionalInt.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty());

    final PortDiscovery discovery = new PortDiscovery(() -> List.of(BUILTIN, CP2102_A, CP2102_B, S3_JTAG));

    @Test
    void resolvesByIdentitySerialAndLocation() throws IOException {
        assertThat(discovery.resolve(PortAddress.parse("usb:303a:1001"))).isEqualTo(S3_JTAG);
        assertThat(discovery.resolve(PortAddress.parse("usb:10c4:ea60:0002"))).isEqualTo(CP2102_B);
        assertThat(discovery.resolve(PortAddress.parse("usb-path:1-1.2"))).isEqualTo(CP2102_A);
        assertThat(discovery.resolve(PortAddress.parse("/dev/ttyS0"))).isEqualTo(BUILTIN);
    }

    @Test
    void twoIdenticalAdaptersWithoutASerialAreAmbiguousAndSaySo() {
        assertThatThrownBy(() -> discovery.resolve(PortAddress.parse("usb:10c4:ea60")))
                .isInstanceOf(IOException.class).hasMessageContaining("2 serial ports")
                .hasMessageContaining("/dev/ttyUSB0").hasMessageContaining("usb-path:");
    }

    @Test
    void aMissingAdapterIsReportedByItsAddress() {
        assertThatThrownBy(() -> discovery.resolve(PortAddress.parse("usb:1a86:7523")))
                .isInstanceOf(TransportClosedException.class).hasMessageContaining("usb:1a86:7523");
    }

    @Test
    void describesPortsWithTheAddressesThatSelectThem() {
        assertThat(S3_JTAG.describe()).contains("/dev/ttyACM0", "usb:303a:1001:F4:12:FA:00:11:22", "usb-path:1-4");
        assertThat(BUILTIN.describe()).doesNotContain("usb");
    }

    private static PortInfo usb(String path, int vid, int pid, String serial, String location) {
        return new PortInfo(path, "USB serial", OptionalInt.of(vid), OptionalInt.of(pid), Optional.of(serial),
                Optional.of(location));
    }
}
