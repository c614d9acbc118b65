package io.fuseline.deploy.demo;

import io.fuseline.deploy.line.LineHome;
import io.fuseline.deploy.line.LineServices;
import io.fuseline.embedded.LocalResources;
import io.fuseline.esp.ChipFamily;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A whole local line, run once: prepares the line's folder (key ceremony, signed release, recipes), starts the
 * virtual jigs, the broker, the database and the three services, plans a work order per chip family, feeds the units
 * through, checks the audit chain and key custody, and stops everything it started — also on Ctrl-C.
 */
public final class DemoLine {
    /** The one station of the local line. */
    public static final String STATION = "st-01";
    /** A file every line folder has, so that a folder without it is never wiped. */
    private static final String MARKER = "runs";

    /**
     * @param dataDir     the line's folder
     * @param resume      keep what {@code dataDir} holds (keys, registry, audit trail) instead of starting clean
     * @param baud        the virtual jigs' line rate
     * @param appBytes    size of the demo app's payload (more bytes, more time on the wire)
     * @param unitTimeout how long a unit may wait for a verdict
     * @param repository  the checkout whose packaged services are run
     * @param vault       where the line's keys live
     */
    public record Options(int units, int jigs, int faults, Path dataDir, boolean resume, int baud, int appBytes,
                          Duration unitTimeout, Path repository, DemoVault vault) {
    }

    /** What a caller may look at while the line still runs, after the units went through (tests, --keep). */
    public interface WhileRunning {
        void inspect(LineHome home, LineServices services, DemoReport report) throws Exception;
    }

    private DemoLine() {
    }

    /** Runs the line; {@code whileRunning} is called after the summary, before anything stops. */
    public static DemoReport run(Options o, PrintWriter out, boolean terminal, WhileRunning whileRunning)
            throws Exception {
        LineHome home = new LineHome(o.dataDir());
        prepareFolder(home, o.resume(), out);
        int run = nextRun(home);
        out.printf("Fuseline local line in %s (run %d): %d units on %d virtual jigs, %d with faults%n", home.root(), run,
                o.units(), o.jigs(), o.faults());
        out.flush();
        Set<ChipFamily> chips = new LinkedHashSet<>();
        for (int j = 0; j < o.jigs(); j++) {
            chips.add(UnitPlan.chipOfJig(j));
        }
        out.println("vault             " + o.vault().describe());
        LineCeremony.Prepared prepared = LineCeremony.prepare(home, o.vault(), STATION, chips, o.appBytes(), say(out));
        AtomicBoolean stopped = new AtomicBoolean();
        try (DemoRun demo = DemoRun.open(new DemoRun.Settings(o.units(), o.jigs(), o.faults(), run, o.baud(),
                o.unitTimeout()))) {
            for (int j = 0; j < o.jigs(); j++) {
                out.printf("virtual jig       jig-%d %-8s %s at %d baud%n", j + 1, demo.jigChips().get(j),
                        demo.jigAddresses().get(j), o.baud());
            }
            LineServices services = LineServices.start(new LineServices.Settings(o.repository(), home, STATION,
                    demo.jigAddresses(), Duration.ofMillis(250), o.vault().hsmConfig(home)), say(out));
            Thread onCtrlC = new Thread(() -> {
                if (stopped.compareAndSet(false, true)) {
                    services.close();
                }
            }, "demo-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                planWorkOrders(new OrchestratorApi(services.orchestratorUrl()), demo.plan(), prepared, run, out);
                out.println("Feeding units (a unit leaves its jig when the orchestrator has decided about it):");
                out.flush();
                List<UnitResult> results = demo.feed(services.bootstrapServers(), new ProgressView(out, terminal),
                        () -> problem(services));
                out.println("Checking the audit chain and key custody ...");
                out.flush();
                var db = services.database();
                // The vault's audit key as the ceremony exported it: not what the orchestrator says it verifies with.
                LineChecks.AuditCheck audit = LineChecks.audit(db.jdbcUrl(), db.user(), db.password(),
                        Files.readString(home.auditPublicKey(), StandardCharsets.US_ASCII), Duration.ofSeconds(20));
                LineChecks.CustodyCheck custody = LineChecks.custody(db.jdbcUrl(), db.user(), db.password(),
                        home.custodyLedger(), Duration.ofSeconds(15));
                DemoReport report = new DemoReport(run, o.jigs(), results, demo.elapsed(), audit, custody);
                report.print(out);
                whileRunning.inspect(home, services, report);
                return report;
            } finally {
                if (stopped.compareAndSet(false, true)) {
                    out.println("Stopping the line ...");
                    out.flush();
                    services.close();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook stops the line
                }
            }
        }
    }

    private static Optional<String> problem(LineServices services) {
        List<String> dead = services.deadServices();
        if (dead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dead + " exited; last lines of " + dead.get(0) + "'s log:\n" + services.tail(dead.get(0), 20));
    }

    /** One work order per chip family for the units of that family, all on the one station. */
    private static void planWorkOrders(OrchestratorApi api, List<PlannedUnit> plan, LineCeremony.Prepared prepared,
                                       int run, PrintWriter out) {
        String lot = "lot-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-r" + run;
        for (Map.Entry<ChipFamily, String> e : prepared.recipes().entrySet()) {
            int quantity = (int) plan.stream().filter(u -> u.chip() == e.getKey()).count();
            if (quantity == 0) {
                continue;
            }
            String id = "wo-r" + run + "-" + e.getKey().toolName();
            api.createWorkOrder(id, e.getValue(), lot, quantity, 0, List.of(STATION));
            out.printf("work order        %s: %d x %s, lot %s, station %s%n", id, quantity, e.getValue(), lot, STATION);
        }
        out.flush();
    }

    private static void prepareFolder(LineHome home, boolean resume, PrintWriter out) throws IOException {
        Path root = home.root();
        if (Files.isDirectory(root) && !resume) {
            boolean empty;
            try (Stream<Path> s = Files.list(root)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new IllegalArgumentException(root + " is not a Fuseline line folder (it has no '" + MARKER
                        + "' file); not wiping it. Give an empty or new folder.");
            }
            LocalResources.deleteRecursively(root);
        } else if (resume && Files.exists(root.resolve(MARKER))) {
            out.println("Resuming the line in " + root + " (its keys, registry and audit trail are kept)");
        }
        Files.createDirectories(root);
    }

    private static int nextRun(LineHome home) {
        try {
            Path f = home.runCounter();
            int run = Files.exists(f) ? Integer.parseInt(Files.readString(f, StandardCharsets.US_ASCII).strip()) + 1 : 1;
            if (run > 255) {
                throw new IllegalStateException("this line folder has had 255 runs; start a new one");
            }
            Files.writeString(f, run + "\n", StandardCharsets.US_ASCII);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count runs in " + home.root(), e);
        }
    }

    private static java.util.function.Consumer<String> say(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
