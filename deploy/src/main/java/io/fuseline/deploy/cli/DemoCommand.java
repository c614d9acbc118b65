package io.fuseline.deploy.cli;

import io.fuseline.deploy.demo.DemoLine;
import io.fuseline.deploy.demo.DemoReport;
import io.fuseline.deploy.demo.DemoVault;
import io.fuseline.deploy.line.LineHome;
import io.fuseline.deploy.line.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import io.fuseline.station.sim.JigConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./fuseline demo}: a whole local provisioning line on virtual jigs, from key ceremony to summary. Exit code
 * 0 when every unit ended as its fault calls for, the audit chain verified and every key is accounted for; 1 when
 * not; 2 for bad options.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a whole local provisioning line on virtual jigs and show what happened.",
                "",
                "Starts on 127.0.0.1 only: an embedded Kafka broker and PostgreSQL, hsm-signer on a software vault, "
                        + "the orchestrator and a station agent with virtual ESP32-S3, ESP32-C3 and ESP32 jigs. On "
                        + "first use it runs the key ceremony (Secure Boot signing key, factory CA, station "
                        + "enrollment) and builds a signed demo release per chip. Then it plans a work order per chip "
                        + "and puts the units on the jigs one after the other, some with faults (flaky cable, "
                        + "pre-burned fuses, a burn that does not stick, a duplicate MAC). At the end: the summary, "
                        + "the audit chain verified, key custody checked. Everything it started stops when it ends "
                        + "or on Ctrl-C.",
                ""},
        footer = {"", "Examples:",
                "  ./fuseline demo                              12 units on 3 jigs, a fresh line in .fuseline/demo",
                "  ./fuseline demo --units 24 --jigs 4 --faults 4",
                "  ./fuseline demo --data-dir /srv/line --keep  resume that line, leave it running afterwards"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--units", defaultValue = "12", paramLabel = "N", description = "Units to provision. Default: ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--jigs", defaultValue = "3", paramLabel = "N",
            description = "Virtual jigs; their chips go S3, C3, ESP32, S3, … Default: ${DEFAULT-VALUE}.")
    int jigs;

    @Option(names = "--faults", defaultValue = "4", paramLabel = "N",
            description = "Units with an injected fault (at most units - jigs). Default: ${DEFAULT-VALUE}.")
    int faults;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The line's folder. Given: the line there is resumed (keys, registry, audit trail kept). "
                    + "Not given: .fuseline/demo, wiped and started clean every run.")
    Path dataDir;

    @Option(names = "--keep", description = "Leave the line running after the summary (until Ctrl-C) and print the "
            + "API and metrics addresses.")
    boolean keep;

    @Option(names = "--pkcs11", description = "Keep the line's keys in a SoftHSM2 token (PKCS#11, in the line's "
            + "folder) instead of the software vault. Needs Debian's softhsm2 package.")
    boolean pkcs11;

    @Option(names = "--baud", defaultValue = "" + JigConfig.ROM_BAUD, paramLabel = "BAUD",
            description = "The virtual jigs' line rate. Default: ${DEFAULT-VALUE} (the ROM loader's).")
    int baud;

    @Option(names = "--app-size", defaultValue = "32768", paramLabel = "BYTES",
            description = "Size of the demo app's payload: more bytes, more time on the wire. Default: ${DEFAULT-VALUE}.")
    int appBytes;

    @Option(names = "--unit-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "A unit without a verdict after this long is taken off its jig. Default: ${DEFAULT-VALUE}.")
    int unitTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (units < 1 || units > 4000) {
            throw new ParameterException(spec.commandLine(), "--units must be 1..4000, was " + units);
        }
        if (jigs < 1 || jigs > 32) {
            throw new ParameterException(spec.commandLine(), "--jigs must be 1..32, was " + jigs);
        }
        if (faults < 0 || faults > Math.max(0, units - jigs)) {
            throw new ParameterException(spec.commandLine(), "--faults must be 0.." + Math.max(0, units - jigs)
                    + " with " + units + " units on " + jigs + " jigs (a jig's first unit is always healthy)");
        }
        if (baud < 9600) {
            throw new ParameterException(spec.commandLine(), "--baud must be at least 9600, was " + baud);
        }
        Path repository = Path.of(System.getProperty("fuseline.home", "")).toAbsolutePath();
        boolean resume = dataDir != null;
        Path dir = dataDir != null ? dataDir : repository.resolve(".fuseline").resolve("demo");
        PrintWriter out = spec.commandLine().getOut();
        DemoVault vault = pkcs11 ? new DemoVault.SoftHsm() : new DemoVault.Software();
        if (pkcs11) {
            String conf = DemoVault.SoftHsm.configFile(new LineHome(dir)).toString();
            if (!conf.equals(System.getenv(DemoVault.SoftHsm.ENV))) {
                return relaunchWith(DemoVault.SoftHsm.ENV, conf, repository);
            }
        }
        DemoReport report = DemoLine.run(new DemoLine.Options(units, jigs, faults, dir, resume, baud, appBytes,
                Duration.ofSeconds(unitTimeoutSeconds), repository, vault), out, onTerminal(),
                (home, services, r) -> {
                    if (keep) {
                        out.println();
                        out.println("The line keeps running (Ctrl-C stops it):");
                        out.println("  web console       " + services.orchestratorUrl() + "/console");
                        out.println("  orchestrator API  " + services.orchestratorUrl() + "/api  (users operator, "
                                + "quality, security, admin; password <user>-local unless FUSELINE_<USER>_PASSWORD)");
                        out.println("  OpenAPI           " + services.orchestratorUrl() + "/q/openapi");
                        out.println("  metrics           " + services.orchestratorUrl() + "/q/metrics");
                        out.println("  Kafka             " + services.bootstrapServers());
                        out.println("  PostgreSQL        " + services.database().jdbcUrl() + "  (user "
                                + services.database().user() + ")");
                        out.println("  logs              " + home.logs());
                        out.flush();
                        new CountDownLatch(1).await();
                    }
                });
        return report.passed() ? 0 : 1;
    }

    /** Set on a re-launched child whose output goes through a pipe to a terminal. */
    private static final String TERMINAL = "fuseline.terminal";

    private static boolean onTerminal() {
        return System.console() != null || Boolean.getBoolean(TERMINAL);
    }

    /**
     * Runs this same command again in a child JVM whose environment has {@code name=value}: SoftHSM2 reads its
     * configuration from the environment once per process, and a JVM cannot change its own environment.
     */
    private int relaunchWith(String name, String value, Path repository) throws Exception {
        List<String> command = new ArrayList<>(ServiceProcess.javaLauncher());
        command.add("-Dfuseline.home=" + repository);
        command.add("-D" + TERMINAL + "=" + onTerminal());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FuselineCommand.class.getName());
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(name, value);
        Process child = pb.start();
        Thread forward = new Thread(child::destroy, "demo-child-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            // Through this command's own output, so that whoever reads it (a terminal, a log, a test) gets it all.
            PrintWriter out = spec.commandLine().getOut();
            try (var in = new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException e) {
                // shutting down: the hook stops the child
            }
        }
    }
}
