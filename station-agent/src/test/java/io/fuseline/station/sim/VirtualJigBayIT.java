package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Units coming and going on one virtual jig: an empty jig answers nothing, an inserted unit answers with its own MAC,
 * an eject drops the host's connection, and the next unit is a different chip with its own eFuses.
 */
@Timeout(60)
class VirtualJigBayIT {

    @Test
    void unitsComeAndGoOnOneJig() throws Exception {
        try (VirtualJigServer jig = VirtualJigServer.startEmpty(InetAddress.getLoopbackAddress(), 0)) {
            assertThat(jig.chip()).isNull();
            assertThatThrownBy(() -> macOf(jig)).isInstanceOf(LoaderException.class);

            VirtualChip first = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32C3));
            jig.insert(first);
            try (RomLoader loader = open(jig)) {
                loader.connect();
                assertThat(loader.readMac()).isEqualTo(first.config().mac());
                assertThat(jig.eject()).isSameAs(first);
                assertThatThrownBy(loader::readMac).isInstanceOf(LoaderException.class);
            }

            VirtualChip second = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32C3)
                    .withMac(MacAddress.parse("58:cf:79:00:00:42")));
            jig.insert(second);
            assertThat(macOf(jig)).isEqualTo(second.config().mac());
            assertThat(jig.toString()).contains("58:cf:79:00:00:42");
        }
    }

    private static MacAddress macOf(VirtualJigServer jig) throws Exception {
        try (RomLoader loader = open(jig)) {
            loader.connect();
            return loader.readMac();
        }
    }

    private static RomLoader open(VirtualJigServer jig) throws IOException {
        LoaderSettings quick = LoaderSettings.defaults();
        return new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)), quick);
    }
}
