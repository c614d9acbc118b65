package io.fuseline.station.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.MacAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding of the register values read in the recorded esptool sessions (vectors/protocol). */
class LoaderTargetTest {

    @Test
    void esp32MacAndRevisionFromTheRecordedRegisters() throws Exception {
        Map<Integer, Integer> regs = Map.of(0x3FF5A004, 0xC4123456, 0x3FF5A008, 0x00F5240A,
                0x3FF5A00C, 0x00008000, 0x3FF5A014, 0x00100000, 0x3FF6607C, 0x80000000);
        RegisterReader r = a -> regs.getOrDefault(a, 0);
        assertThat(Esp32Target.INSTANCE.readMac(r)).isEqualTo(MacAddress.parse("24:0a:c4:12:34:56"));
        assertThat(Esp32Target.INSTANCE.readRevision(r)).hasToString("v3.0");
        // The CRC byte in word 2 is the MAC's CRC-8, as the factory burns it.
        assertThat(MacAddress.parse("24:0a:c4:12:34:56").esp32Crc8()).isEqualTo(0xF5);
    }

    @Test
    void s3MacFromTheRecordedRegisters() throws Exception {
        Map<Integer, Integer> regs = Map.of(0x60007044, 0xA1001122, 0x60007048, 0x00007CDF);
        RegisterReader r = a -> regs.getOrDefault(a, 0);
        assertThat(Esp32S3Target.INSTANCE.readMac(r)).isEqualTo(MacAddress.parse("7c:df:a1:00:11:22"));
        assertThat(Esp32S3Target.INSTANCE.readRevision(r)).hasToString("v0.0");
        assertThat(Esp32S3Target.INSTANCE.readRevision(a -> a == 0x60007058 ? 1 << 24 | 1 << 23 : 0))
                .hasToString("v1.8");
    }

    @Test
    void flashIdOfTheRecordedChipIsA4MiBWinbond() {
        FlashId id = new FlashId(0x001640EF);
        assertThat(id.manufacturer()).isEqualTo(0xEF);
        assertThat(id.device()).isEqualTo(0x4016);
        assertThat(id.sizeBytes()).hasValue(4 << 20);
        assertThat(new FlashId(0xFFFFFF).sizeBytes()).isEmpty();
    }

    @Test
    void settingsFailFastNamingTheKeyAndScaleTimeoutsPerMegabyte() {
        assertThatThrownBy(() -> LoaderSettings.defaults().withCommandTimeout(Duration.ZERO))
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> LoaderSettings.defaults().withAttempts(0, 5, 3))
                .hasMessageContaining("connectAttempts");
        LoaderSettings s = LoaderSettings.defaults();
        assertThat(s.scaled(s.md5TimeoutPerMb(), 4 << 20)).isEqualTo(Duration.ofSeconds(32));
        assertThat(s.scaled(s.md5TimeoutPerMb(), 1024)).isEqualTo(s.commandTimeout());
    }
}
