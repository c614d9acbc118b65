package io.fuseline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every embedded server of a local line needs from the machine: a free loopback port and a scratch folder. */
public final class LocalResources {
    private LocalResources() {
    }

    /**
     * A loopback port that was free a moment ago. Another process may take it before the caller binds, so servers
     * started on it must report a clear error rather than assume success.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Deletes a folder and everything below it, best effort: a temp folder left behind is the OS's to clean up. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing more to do: the caller is shutting down
        }
    }
}
