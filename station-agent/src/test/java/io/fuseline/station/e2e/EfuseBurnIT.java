package io.fuseline.station.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseBurnRefusedException;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.esp.efuse.KeyProtection;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.EfuseBurnSettings;
import io.fuseline.station.ops.EfuseBurner;
import io.fuseline.station.ops.EfuseVerificationException;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.EfuseController;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client's eFuse burner against the virtual jig over loopback TCP: every espefuse scenario step, burned through
 * READ_REG/WRITE_REG with read-back verification, leaves the jig's eFuse blocks exactly as espefuse's emulator left
 * them ({@code vectors/efuse/<chip>/NN_step.regs.bin}); refused steps change nothing; a burn that does not stick
 * ends in a fatal verification error after the configured attempts.
 */
@Timeout(120)
class EfuseBurnIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"esp32, ESP32", "esp32s3, ESP32S3"})
    void everyScenarioStepLeavesTheRecordedRegisters(String run, ChipFamily family) throws Exception {
        EfuseChip chip = EfuseChip.of(family);
        EfuseRegisters blank = EfuseRegisters.fromMemoryImage(chip, EspefuseSteps.bytes(run + "/00_blank.regs.bin"));
        VirtualChip virtual = new VirtualChip(JigConfig.defaults(family), EfuseController.of(blank));
        try (VirtualJigServer jig = VirtualJigServer.start(virtual, 0); RomLoader loader = connect(jig)) {
            loader.connect();
            EfuseBurner burner = new EfuseBurner(loader, EfuseBurnSettings.defaults());
            for (EspefuseSteps.Step step : EspefuseSteps.of(run)) {
                EfuseRegisters before = virtual.efuse().snapshot();
                List<BurnRequest> requests = EspefuseSteps.requests(step);
                if (step.accepted()) {
                    EfuseBurner.Result r = burner.burn(requests);
                    assertThat(r.blocks()).as(step.name()).allSatisfy(b -> assertThat(b.attempts()).isEqualTo(1));
                    assertThat(r.after()).isEqualTo(virtual.efuse().snapshot());
                } else {
                    assertThatThrownBy(() -> burner.burn(requests)).as(step.name())
                            .isInstanceOf(EfuseBurnRefusedException.class);
                    assertThat(virtual.efuse().snapshot()).as(step.name()).isEqualTo(before);
                }
                EfuseRegisters expected = EfuseRegisters.fromMemoryImage(chip,
                        EspefuseSteps.bytes(run + "/" + step.name() + ".regs.bin"));
                EfuseRegisters ours = virtual.efuse().snapshot();
                for (EfuseBlock b : chip.blocks()) {
                    assertThat(ours.readWords(b)).as("%s after %s, %s", run, step, b.name())
                            .containsExactly(expected.readWords(b));
                }
            }
        }
    }

    @Test
    void aBurnThatDoesNotStickFailsVerificationAfterThreeAttempts() throws Exception {
        JigConfig config = JigConfig.defaults(ChipFamily.ESP32S3).withFaults(List.of(new Fault.BurnDoesNotStick()));
        VirtualChip virtual = new VirtualChip(config);
        EfuseRegisters before = virtual.efuse().snapshot();
        try (VirtualJigServer jig = VirtualJigServer.start(virtual, 0); RomLoader loader = connect(jig)) {
            loader.connect();
            EfuseBurner burner = new EfuseBurner(loader, EfuseBurnSettings.defaults());
            byte[] key = EspefuseSteps.bytes("key32_hash.bin");
            List<BurnRequest> burn = List.of(new BurnRequest.BurnKey("BLOCK_KEY0",
                    io.fuseline.esp.efuse.KeyPurpose.XTS_AES_128_KEY, EfuseKey.copyOf(key), KeyProtection.DEFAULT));
            assertThatThrownBy(() -> burner.burn(burn)).isInstanceOfSatisfying(EfuseVerificationException.class, e -> {
                assertThat(e.code()).isEqualTo("SA-107");
                assertThat(e.retriable()).isFalse();
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.block()).isEqualTo("BLOCK_KEY0");
                assertThat(e.mac()).isEqualTo(config.mac().toString());
                assertThat(e.readWords()).containsOnly(0);
                assertThat(e.expectedWords()).isNotEqualTo(e.readWords());
                // Key material never reaches a log line; the protection bits in BLOCK0 were never attempted.
                assertThat(e.getMessage()).contains("BLOCK_KEY0", config.mac().toString(), "kcv")
                        .doesNotContainIgnoringCase(String.format("%08x", e.expectedWords()[0]));
            });
        }
        assertThat(virtual.efuse().snapshot().readWords(EfuseChip.of(ChipFamily.ESP32S3).block(0)))
                .containsExactly(before.readWords(EfuseChip.of(ChipFamily.ESP32S3).block(0)));
    }

    private static RomLoader connect(VirtualJigServer jig) throws Exception {
        return new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                LoaderSettings.defaults());
    }
}
