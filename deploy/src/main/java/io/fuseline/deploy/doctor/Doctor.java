package io.fuseline.deploy.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at this machine the way a line needs it: the JDK, the native pieces (SoftHSM2, OpenSC, socat, Chromium),
 * the default loopback ports, and free disk. It only reads; installing is left to the command it prints.
 */
public final class Doctor {
    /** Where Debian's SoftHSM2 package puts its PKCS#11 module. */
    public static final Path SOFTHSM2_MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    private final Map<String, String> env;
    private final Path workDir;

    public Doctor(Map<String, String> env, Path workDir) {
        this.env = env;
        this.workDir = workDir;
    }

    /** Runs every check in a fixed order. */
    public List<Check> run(Map<String, Integer> ports) {
        List<Check> checks = new ArrayList<>();
        checks.add(jdk());
        checks.add(tool("SoftHSM2 (PKCS#11 token for vault tests)", "softhsm2-util", "softhsm2", true));
        checks.add(module());
        checks.add(tool("OpenSC pkcs11-tool (inspects tokens)", "pkcs11-tool", "opensc", true));
        checks.add(tool("socat (pseudo-terminal jigs in tests)", "socat", "socat", true));
        checks.add(tool("Chromium (web console browser tests)", "chromium", "chromium chromium-driver", false));
        checks.add(tool("Python 3 (running Espressif's esptool beside the project)", "python3", "python3", false));
        ports.forEach((what, port) -> checks.add(port(what, port)));
        checks.add(disk());
        return checks;
    }

    Check jdk() {
        Runtime.Version v = Runtime.version();
        String detail = "Java " + v + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
        if (v.feature() < 17) {
            return new Check("JDK 17 or newer", Check.Status.MISSING, detail, "apt-get install -y openjdk-17-jdk-headless");
        }
        return Check.ok("JDK 17 or newer", detail);
    }

    Check tool(String name, String executable, String debianPackage, boolean neededByTests) {
        Optional<Path> found = onPath(executable);
        if (found.isPresent()) {
            return Check.ok(name, found.get().toString());
        }
        return new Check(name, neededByTests ? Check.Status.MISSING : Check.Status.OPTIONAL,
                executable + " is not on PATH" + (neededByTests ? " (./fuseline test installs it when run as root)" : ""),
                "apt-get install -y " + debianPackage);
    }

    Check module() {
        String name = "SoftHSM2 PKCS#11 module";
        return Files.isReadable(SOFTHSM2_MODULE) ? Check.ok(name, SOFTHSM2_MODULE.toString())
                : new Check(name, Check.Status.MISSING, SOFTHSM2_MODULE + " not found", "apt-get install -y softhsm2");
    }

    Check port(String what, int port) {
        String name = "port " + port + " on 127.0.0.1 (" + what + ")";
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return Check.ok(name, "free");
        } catch (IOException e) {
            return new Check(name, Check.Status.OPTIONAL, "in use: " + e.getMessage(),
                    "stop what listens there (ss -ltnp 'sport = :" + port + "') or pick another port with --port");
        }
    }

    Check disk() {
        try {
            long free = Files.getFileStore(workDir).getUsableSpace();
            String detail = (free >> 20) + " MiB free in " + workDir;
            return free >= (2L << 30) ? Check.ok("free disk (2 GiB for builds and data)", detail)
                    : new Check("free disk (2 GiB for builds and data)", Check.Status.MISSING, detail,
                            "free space, or point --data-dir at a larger disk");
        } catch (IOException e) {
            return new Check("free disk", Check.Status.OPTIONAL, e.getMessage(), "");
        }
    }

    Optional<Path> onPath(String executable) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
