package io.fuseline.deploy.demo;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo's line operator: puts units on the virtual jigs, watches what the line says about them, takes a unit off
 * once the orchestrator decided (provisioned, or quarantined with a reason) and puts the next one on. A unit nobody
 * decides about within the unit timeout is taken off as {@link UnitResult.Verdict#NO_VERDICT}. The jigs run before
 * the station starts (it needs their addresses); units go on only in {@link #feed}.
 */
public final class DemoRun implements AutoCloseable {

    /**
     * @param run         this run's number on the line (MACs carry it)
     * @param baudLimit   the virtual jigs' line rate in baud
     * @param unitTimeout how long a unit may stay on a jig without a verdict
     */
    public record Settings(int units, int jigs, int faults, int run, int baudLimit, Duration unitTimeout) {
    }

    /** What a jig is doing, for progress output. */
    public record JigView(String jigId, String chip, String mac, String fault, int step, int steps, String activity,
                          Duration onJig) {
        /** Percent of the unit's job done, by steps. */
        public int percent() {
            return steps == 0 ? 0 : 100 * Math.max(0, step - 1) / steps;
        }
    }

    /** Told about every unit that ends and, every tick, what each jig does. */
    public interface Progress {
        void unitDone(UnitResult result, int done, int total);

        void jigs(List<JigView> jigs, int done, int total);
    }

    private final Settings settings;
    private final List<PlannedUnit> plan;
    private final List<JigBay> bays = new ArrayList<>();
    private final List<UnitResult> results = new ArrayList<>();
    private final Clock clock;
    private Progress progress;
    private Instant firstInsert;
    private Instant lastVerdict;

    private DemoRun(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.plan = UnitPlan.plan(settings.units(), settings.jigs(), settings.faults(), settings.run());
    }

    /** Plans the units and starts the (empty) jigs. */
    public static DemoRun open(Settings settings) {
        DemoRun run = new DemoRun(settings, Clock.systemUTC());
        try {
            for (int j = 0; j < settings.jigs(); j++) {
                int jig = j;
                run.bays.add(JigBay.open(j, run.plan.stream().filter(u -> u.jig() == jig).toList(),
                        settings.baudLimit()));
            }
            return run;
        } catch (IOException e) {
            run.close();
            throw new UncheckedIOException("cannot start the virtual jigs: " + e.getMessage(), e);
        }
    }

    public List<PlannedUnit> plan() { return plan; }

    /** The jigs' addresses for the station agent, in jig order ({@code jig-1} first). */
    public List<String> jigAddresses() {
        return bays.stream().map(b -> b.server.address()).toList();
    }

    /** The chip family of each jig, in jig order. */
    public List<String> jigChips() {
        return bays.stream().map(b -> b.chip.toolName()).toList();
    }

    /**
     * Feeds every planned unit through the line and returns how each ended, in the order they ended.
     *
     * @param lineProblem says why the line cannot go on (a service died), or empty while it runs
     */
    public List<UnitResult> feed(String bootstrap, Progress progress, Supplier<Optional<String>> lineProblem)
            throws InterruptedException {
        this.progress = progress;
        try (LineWatcher watcher = LineWatcher.start(bootstrap, this::on)) {
            synchronized (this) {
                firstInsert = clock.instant();
                for (JigBay bay : bays) {
                    insertNext(bay);
                }
            }
            while (true) {
                Optional<String> problem = lineProblem.get();
                if (problem.isPresent()) {
                    throw new IllegalStateException("the line stopped: " + problem.get());
                }
                synchronized (this) {
                    timeOutStuckUnits();
                    if (bays.stream().noneMatch(JigBay::busy)) {
                        return List.copyOf(results);
                    }
                    progress.jigs(views(), results.size(), plan.size());
                }
                Thread.sleep(500);
            }
        }
    }

    /** When the first unit went on a jig and the last verdict came (null before). */
    public synchronized Duration elapsed() {
        return firstInsert == null || lastVerdict == null ? Duration.ZERO : Duration.between(firstInsert, lastVerdict);
    }

    private synchronized void on(CloudEvent<FuselineMessage> event) {
        FuselineMessage m = event.data();
        Optional<MacAddress> mac = m.subjectMac();
        if (mac.isEmpty()) {
            return;
        }
        Optional<JigBay> found = bays.stream().filter(b -> b.busy() && b.current.mac().equals(mac.get())).findFirst();
        if (found.isEmpty()) {
            return;
        }
        JigBay bay = found.get();
        if (m instanceof DeviceIdentified) {
            bay.note = "identified, waiting for keys";
        } else if (m instanceof ProvisionJob job) {
            bay.jobs++;
            bay.steps = job.steps().size();
            bay.step = 0;
            bay.note = "job " + job.attempt() + " issued";
        } else if (m instanceof StepStarted s) {
            bay.step = s.step();
            bay.stepKind = s.kind();
            bay.note = s.kind().name();
        } else if (m instanceof StepCompleted c) {
            bay.wireMillis += c.durationMillis();
        } else if (m instanceof StepFailed f) {
            bay.failedSteps++;
            bay.note = f.kind() + " failed: " + f.reason() + (f.retriable() ? " (retry)" : "");
        } else if (m instanceof DeviceProvisioned) {
            finish(bay, UnitResult.Verdict.PROVISIONED, Optional.empty());
        } else if (m instanceof QuarantineOrdered q) {
            finish(bay, UnitResult.Verdict.QUARANTINED, Optional.of(q.reason()));
        }
    }

    private void timeOutStuckUnits() {
        Instant now = clock.instant();
        for (JigBay bay : bays) {
            if (bay.busy() && Duration.between(bay.insertedAt, now).compareTo(settings.unitTimeout()) > 0) {
                finish(bay, UnitResult.Verdict.NO_VERDICT, Optional.empty());
            }
        }
    }

    private void finish(JigBay bay, UnitResult.Verdict verdict, Optional<QuarantineReason> reason) {
        Instant now = clock.instant();
        lastVerdict = now;
        PlannedUnit unit = bay.current;
        UnitResult r = new UnitResult(unit, bay.jigId, verdict, reason, Duration.between(bay.insertedAt, now),
                Duration.ofMillis(bay.wireMillis), bay.jobs, bay.failedSteps, bay.eject());
        results.add(r);
        progress.unitDone(r, results.size(), plan.size());
        insertNext(bay);
    }

    private void insertNext(JigBay bay) {
        try {
            bay.insertNext(clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the next unit on " + bay.jigId + ": " + e.getMessage(), e);
        }
    }

    private List<JigView> views() {
        Instant now = clock.instant();
        return bays.stream().map(b -> b.busy()
                ? new JigView(b.jigId, b.chip.toolName(), b.current.mac().toString(),
                        b.current.fault() == DemoFault.NONE ? "" : b.current.fault().label(), b.step, b.steps, b.note,
                        Duration.between(b.insertedAt, now))
                : new JigView(b.jigId, b.chip.toolName(), "", "", 0, 0, "empty", Duration.ZERO)).toList();
    }

    /** Stops the jigs. */
    @Override
    public void close() {
        for (JigBay bay : bays) {
            try {
                bay.close();
            } catch (IOException e) {
                // a jig that does not close cleanly is gone anyway
            }
        }
    }
}
