package io.fuseline.deploy.cli.jig;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.VirtualJigServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./fuseline jig serve}: the jigs it prints are reachable and behave as configured while it serves. */
@Timeout(60)
class JigServeCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        JigServeCommand.whileServing = jigs -> new java.util.concurrent.CountDownLatch(1).await();
    }

    @Test
    void countServesConsecutiveMacsAndEachJigHasItsOwnEfuseFile() throws Exception {
        List<String> macs = new ArrayList<>();
        JigServeCommand.whileServing = jigs -> {
            for (VirtualJigServer j : jigs) {
                macs.add(readMac(j));
            }
        };
        Path efuse = dir.resolve("efuse.bin");
        CliRun r = CliRun.of("jig", "serve", "--chip", "esp32s3", "--count", "3", "--mac", "7c:df:a1:00:11:fe",
                "--efuse-file", efuse.toString(), "--flash-size", "8MB");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(macs).containsExactly("7c:df:a1:00:11:fe", "7c:df:a1:00:11:ff", "7c:df:a1:00:12:00");
        assertThat(r.out().lines().filter(l -> l.startsWith("socket://127.0.0.1:"))).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            byte[] file = Files.readAllBytes(dir.resolve("efuse-" + i + ".bin"));
            assertThat(EfuseRegisters.fromVirtualFile(EfuseChip.of(ChipFamily.ESP32S3), file).words()).isNotEqualTo(
                    EfuseRegisters.blank(EfuseChip.of(ChipFamily.ESP32S3)).words());
        }
    }

    @Test
    void duplicateMacGivesEveryJigTheSameMac() throws Exception {
        List<String> macs = new ArrayList<>();
        JigServeCommand.whileServing = jigs -> {
            for (VirtualJigServer j : jigs) {
                macs.add(readMac(j));
            }
        };
        CliRun r = CliRun.of("jig", "serve", "--chip", "esp32", "--count", "2", "--fault", "duplicate-mac");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(macs).hasSize(2).containsOnly(macs.get(0));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.of("jig", "serve", "--chip", "esp8266").code()).isEqualTo(2);
        assertThat(CliRun.of("jig", "serve", "--chip", "esp32", "--fault", "gremlins").code()).isEqualTo(2);
        assertThat(CliRun.of("jig", "serve", "--chip", "esp32", "--flash-size", "lots").code()).isEqualTo(2);
    }

    @Test
    void consecutiveMacsCarryIntoHigherBytes() {
        assertThat(JigFleet.plus(MacAddress.parse("00:00:00:00:00:ff"), 1).toString()).isEqualTo("00:00:00:00:01:00");
    }

    private static String readMac(VirtualJigServer j) throws InterruptedException {
        try (RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", j.port(), Duration.ofSeconds(2)),
                LoaderSettings.defaults())) {
            loader.connect();
            return loader.readMac().toString();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
