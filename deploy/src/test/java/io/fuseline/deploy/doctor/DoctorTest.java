package io.fuseline.deploy.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    @Test
    void aMissingToolIsReportedWithTheDebianPackageThatInstallsIt(@TempDir Path emptyBin) {
        Doctor doctor = new Doctor(Map.of("PATH", emptyBin.toString()), emptyBin);
        Check socat = doctor.tool("socat", "socat", "socat", true);
        assertThat(socat.status()).isEqualTo(Check.Status.MISSING);
        assertThat(socat.fix()).isEqualTo("apt-get install -y socat");
        Check chromium = doctor.tool("Chromium", "chromium", "chromium chromium-driver", false);
        assertThat(chromium.status()).isEqualTo(Check.Status.OPTIONAL);
    }

    @Test
    void aToolOnThePathIsFound(@TempDir Path bin) throws IOException {
        Path exe = Files.createFile(bin.resolve("socat"));
        exe.toFile().setExecutable(true);
        Check socat = new Doctor(Map.of("PATH", bin.toString()), bin).tool("socat", "socat", "socat", true);
        assertThat(socat.status()).isEqualTo(Check.Status.OK);
        assertThat(socat.detail()).isEqualTo(exe.toString());
    }

    @Test
    void aTakenPortIsReportedWithWhatToDo(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Check c = new Doctor(Map.of(), dir).port("broker", taken.getLocalPort());
            assertThat(c.status()).isNotEqualTo(Check.Status.OK);
            assertThat(c.fix()).contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void theRunningJdkPasses(@TempDir Path dir) {
        assertThat(new Doctor(Map.of(), dir).jdk().status()).isEqualTo(Check.Status.OK);
    }
}
