package io.fuseline.station.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.esp.ChipFamily;
import io.fuseline.station.jig.ResetStrategy;
import io.fuseline.station.jig.ResetStrategy.ResetOutcome;
import io.fuseline.station.jig.SerialTransport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.JigLink;
import io.fuseline.station.sim.VirtualChip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same conversation as {@link RomLoaderTcpIT}, but through jSerialComm on a socat pty pair: the virtual jig
 * serves end B, the client opens end A by path. Also checks that reset strategies on a pty report "no reset
 * lines" and the connect carries on.
 */
class RomLoaderPtyIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ChipFamily.class, names = {"ESP32", "ESP32S3"})
    void provisionsAVirtualChipThroughAPty(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        try (SocatPtyPair pty = SocatPtyPair.start(dir)) {
            SerialTransport jigEnd = SerialTransport.open(pty.b().toString(), JigConfig.ROM_BAUD);
            Thread jig = new Thread(() -> new JigLink(chip).serve(jigEnd), "pty-jig");
            jig.start();
            try (RomLoader loader = new RomLoader(SerialTransport.open(pty.a().toString(), 115200),
                    LoaderSettings.defaults())) {
                ProvisioningScenario.run(loader, chip);
            } finally {
                jig.interrupt();
                jigEnd.close();
                await().atMost(Duration.ofSeconds(5)).until(() -> !jig.isAlive());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChipFamily.class, names = {"ESP32S3"})
    void resetStrategiesOnAPtyReportNoResetLinesAndConnectStillWorks(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        try (SocatPtyPair pty = SocatPtyPair.start(dir)) {
            SerialTransport jigEnd = SerialTransport.open(pty.b().toString(), JigConfig.ROM_BAUD);
            Thread jig = new Thread(() -> new JigLink(chip).serve(jigEnd), "pty-jig");
            jig.start();
            List<Duration> waits = new ArrayList<>();
            try (SerialTransport host = SerialTransport.open(pty.a().toString(), 115200);
                    RomLoader loader = new RomLoader(host, LoaderSettings.defaults(), waits::add)) {
                assertThat(ResetStrategy.ClassicReset.DEFAULT.apply(host, waits::add))
                        .isEqualTo(ResetOutcome.NO_RESET_LINES);
                assertThat(ResetStrategy.UnixTightReset.DEFAULT.apply(host, waits::add))
                        .isEqualTo(ResetOutcome.NO_RESET_LINES);
                assertThat(loader.connect(List.of(ResetStrategy.UnixTightReset.DEFAULT,
                        ResetStrategy.ClassicReset.DEFAULT)).family()).isEqualTo(family);
                // The lines were refused before the first wait: nothing slept.
                assertThat(waits).isEmpty();
            } finally {
                jig.interrupt();
                jigEnd.close();
                await().atMost(Duration.ofSeconds(5)).until(() -> !jig.isAlive());
            }
        }
    }
}
