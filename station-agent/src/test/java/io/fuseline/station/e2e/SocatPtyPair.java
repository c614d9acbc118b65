package io.fuseline.station.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A pseudo-terminal pair made by {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B} in a temp
 * directory: bytes written to one end come out of the other, like a null-modem cable. Skips the calling test
 * (assumption) when socat is not installed.
 */
final class SocatPtyPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPtyPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    static SocatPtyPair start(Path dir) throws IOException {
        Assumptions.assumeTrue(socatInstalled(), "socat is not installed (apt-get install socat): pty tests skipped");
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !p.isAlive() || (Files.exists(a) && Files.exists(b)));
        if (!p.isAlive()) {
            throw new IOException("socat exited: " + Files.readString(dir.resolve("socat.log")));
        }
        return new SocatPtyPair(p, a, b);
    }

    Path a() {
        return a;
    }

    Path b() {
        return b;
    }

    private static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
