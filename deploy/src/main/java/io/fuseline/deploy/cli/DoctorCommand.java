package io.fuseline.deploy.cli;

import io.fuseline.deploy.doctor.Check;
import io.fuseline.deploy.doctor.Doctor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./fuseline doctor}: what this machine has, what is missing, and the command that installs it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {
            "Check this machine and say what is missing and how to install it.",
            "",
            "Looks at the JDK, the native pieces (SoftHSM2, OpenSC, socat, Chromium), the default ports on "
                    + "127.0.0.1 and free disk. Exit code 1 when something the test suite or a line needs is missing."
        })
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port ./fuseline broker listens on by default (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the orchestrator's API and console (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka broker", brokerPort);
        ports.put("orchestrator API", apiPort);
        List<Check> checks = new Doctor(System.getenv(), Path.of("").toAbsolutePath()).run(ports);
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        for (Check c : checks) {
            out.printf("%-10s %-" + width + "s  %s%n", "[" + c.status() + "]", c.name(), c.detail());
        }
        List<Check> toFix = checks.stream().filter(c -> c.status() != Check.Status.OK && !c.fix().isEmpty()).toList();
        if (!toFix.isEmpty()) {
            out.println();
            out.println("To fix:");
            String apt = toFix.stream().map(Check::fix).filter(f -> f.startsWith("apt-get install -y "))
                    .map(f -> f.substring("apt-get install -y ".length())).distinct().collect(Collectors.joining(" "));
            if (!apt.isEmpty()) {
                out.println("  sudo apt-get update && sudo apt-get install -y " + apt);
            }
            toFix.stream().map(Check::fix).filter(f -> !f.startsWith("apt-get")).distinct()
                    .forEach(f -> out.println("  " + f));
        }
        boolean blocked = checks.stream().anyMatch(Check::blocking);
        out.println();
        out.println(blocked ? "Some required pieces are missing (see above)." : "Everything a line needs is here.");
        out.flush();
        return blocked ? 1 : 0;
    }
}
