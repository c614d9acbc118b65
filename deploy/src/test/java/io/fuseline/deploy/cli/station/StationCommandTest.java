package io.fuseline.deploy.cli.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.station.jig.PortDiscovery;
import io.fuseline.station.jig.PortInfo;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fuseline station ...} against in-process virtual jigs over loopback TCP: exit 0 with the facts on stdout,
 * 1 with one line on stderr (never a stack trace), 2 for usage errors; burns only after --yes or a typed BURN.
 */
@Timeout(60)
class StationCommandTest {

    @TempDir
    Path dir;

    private VirtualJigServer jig;

    @AfterEach
    void stop() throws Exception {
        if (jig != null) {
            jig.close();
        }
        Terminal.interactive = () -> false;
        PortsCommand.discovery = PortDiscovery::new;
    }

    private VirtualChip start(ChipFamily family, Fault... faults) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family).withFaults(List.of(faults)));
        jig = VirtualJigServer.start(chip, 0);
        return chip;
    }

    @Test
    void identifyPrintsChipRevisionMacAndFlash() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32);
        CliRun r = CliRun.of("station", "identify", "--port", jig.address());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ESP32", "v3.0", chip.config().mac().toString(), "4 MB", "disabled");
    }

    @Test
    void efuseSummaryListsFieldsAndKeyBlocks() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32S3);
        CliRun r = CliRun.of("station", "efuse-summary", "--port", jig.address());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("SPI_BOOT_CRYPT_CNT", "KEY_PURPOSE_0", "BLOCK_KEY0", "empty",
                chip.config().mac().toString());
    }

    @Test
    void writeFlashThenReadFlashRoundTripsAndReportsProgressAsPercentLines() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32S3);
        byte[] data = new byte[5000];
        new Random(1).nextBytes(data);
        Path in = Files.write(dir.resolve("app.bin"), data);
        CliRun w = CliRun.of("station", "write-flash", "--port", jig.address(), "0x10000", in.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("Writing 100%", "verified by MD5");
        assertThat(chip.flash().read(0x10000, data.length)).isEqualTo(data);

        Path out = dir.resolve("back.bin");
        CliRun r = CliRun.of("station", "read-flash", "--port", jig.address(), "0x10000", "5000", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
    }

    @Test
    void writeFlashEncryptsWithTheKeyForTheDetectedChip() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32S3);
        byte[] key = new byte[32];
        new Random(2).nextBytes(key);
        byte[] data = "plaintext application ".repeat(50).getBytes(StandardCharsets.US_ASCII);
        Path keyFile = Files.write(dir.resolve("key.bin"), key);
        Path in = Files.write(dir.resolve("app.bin"), data);
        CliRun w = CliRun.of("station", "write-flash", "--port", jig.address(), "0x20000", in.toString(),
                "--encrypt-with", keyFile.toString());
        assertThat(w.code()).as(w.err()).isZero();
        byte[] padded = Arrays.copyOf(data, (data.length + 15) / 16 * 16);
        Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
        byte[] expected = FlashEncryption.xts(key).encrypt(0x20000, padded);
        assertThat(chip.flash().read(0x20000, expected.length)).isEqualTo(expected);
    }

    @Test
    void burnKeyWithYesBurnsVerifiesAndProtects() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32S3);
        byte[] key = new byte[32];
        new Random(3).nextBytes(key);
        Path keyFile = Files.write(dir.resolve("key.bin"), key);
        CliRun r = CliRun.of("station", "burn-key", "--port", jig.address(), "BLOCK_KEY0", keyFile.toString(),
                "XTS_AES_128_KEY", "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Burned and verified BLOCK_KEY0", "Burned and verified BLOCK0")
                .doesNotContain(java.util.HexFormat.of().formatHex(key));
        assertThat(chip.efuse().field("KEY_PURPOSE_0")).isEqualTo(4);
        assertThat(chip.efuse().snapshot().readWords(EfuseChip.of(ChipFamily.ESP32S3).block(4))).containsOnly(0);
        assertThat(chip.efuse().hardwareWords(4)[7]).isEqualTo((key[0] & 0xFF) << 24 | (key[1] & 0xFF) << 16
                | (key[2] & 0xFF) << 8 | (key[3] & 0xFF));
    }

    @Test
    void burnEfuseRefusesWithoutYesWhenStdinIsNotATerminal() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32);
        var before = chip.efuse().snapshot();
        CliRun r = CliRun.of("station", "burn-efuse", "--port", jig.address(), "JTAG_DISABLE", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--yes").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(chip.efuse().snapshot()).isEqualTo(before);
    }

    @Test
    void burnEfuseBurnsAfterTypedBurnAndNotAfterAnythingElse() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32);
        Terminal.interactive = () -> true;
        CliRun no = withStdin("yes\n", () -> CliRun.of("station", "burn-efuse", "--port", jig.address(),
                "JTAG_DISABLE", "1"));
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.err()).contains("not confirmed");
        assertThat(chip.efuse().field("JTAG_DISABLE")).isZero();

        CliRun yes = withStdin("BURN\n", () -> CliRun.of("station", "burn-efuse", "--port", jig.address(),
                "JTAG_DISABLE", "1", "FLASH_CRYPT_CONFIG", "0xF"));
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(yes.out()).contains("Type BURN", "Burned and verified BLOCK0");
        assertThat(chip.efuse().field("JTAG_DISABLE")).isEqualTo(1);
        assertThat(chip.efuse().field("FLASH_CRYPT_CONFIG")).isEqualTo(0xF);
    }

    @Test
    void aRefusedBurnIsOneLineWithTheReason() throws Exception {
        start(ChipFamily.ESP32S3);
        CliRun r = CliRun.of("station", "burn-efuse", "--port", jig.address(), "NO_SUCH_FIELD", "1", "--yes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("EFUSE-101", "NO_SUCH_FIELD").doesNotContain("\tat ");
    }

    @Test
    void aBurnThatDoesNotStickFailsWithTheVerificationCode() throws Exception {
        VirtualChip chip = start(ChipFamily.ESP32, new Fault.BurnDoesNotStick());
        CliRun r = CliRun.of("station", "burn-efuse", "--port", jig.address(), "JTAG_DISABLE", "1", "--yes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("SA-107", "BLOCK0", chip.config().mac().toString(), "3 program attempt")
                .doesNotContain("\tat ");
    }

    @Test
    void badPortIsAUsageErrorAndAnUnreachableOneAFailure() throws Exception {
        assertThat(CliRun.of("station", "identify", "--port", "socket://nohost").code()).isEqualTo(2);
        assertThat(CliRun.of("station", "identify").code()).isEqualTo(2);
        try (var s = new java.net.ServerSocket(0)) {
            int closed = s.getLocalPort();
            s.close();
            CliRun r = CliRun.of("station", "identify", "--port", "socket://127.0.0.1:" + closed);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void portsListsUsbIdentities() {
        PortsCommand.discovery = () -> new PortDiscovery(() -> List.of(new PortInfo("/dev/ttyUSB0", "CP2102",
                OptionalInt.of(0x10c4), OptionalInt.of(0xea60), Optional.of("0001"), Optional.of("1-1.2"))));
        CliRun r = CliRun.of("station", "ports");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("/dev/ttyUSB0", "usb:10c4:ea60:0001", "usb-path:1-1.2");
    }

    private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
        synchronized (CliRun.class) {
            InputStream old = System.in;
            try {
                System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                return run.get();
            } finally {
                System.setIn(old);
            }
        }
    }

}
