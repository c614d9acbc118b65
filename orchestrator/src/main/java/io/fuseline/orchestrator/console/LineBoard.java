package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.console.LineView.JigRow;
import io.fuseline.orchestrator.console.LineView.StationRow;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.query.LineQueries;
import io.fuseline.orchestrator.query.LineQueries.JigNow;
import io.fuseline.orchestrator.query.LineQueries.StationSeen;
import io.fuseline.orchestrator.query.ReportQueries;
import io.fuseline.orchestrator.query.ReportQueries.YieldRow;
import io.fuseline.orchestrator.unit.LifecycleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Assembles the Line page from the line, yield and quarantine queries. Read-only; thread-safe. */
@ApplicationScoped
class LineBoard {
    /** "Units per hour" counts the last 60 minutes. */
    static final Duration HOUR = Duration.ofHours(1);

    private final LineQueries line;
    private final ReportQueries reports;
    private final ConsoleConfig config;
    private final LifecycleConfig lifecycle;
    private final Clock clock;

    LineBoard(LineQueries line, ReportQueries reports, ConsoleConfig config, LifecycleConfig lifecycle, Clock clock) {
        this.line = line;
        this.reports = reports;
        this.config = config;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    LineView now() {
        Instant now = clock.instant();
        Map<String, StationSeen> seen = line.stations().stream()
                .collect(Collectors.toMap(StationSeen::stationId, s -> s));
        Map<String, List<JigNow>> jigs = line.jigs(now.minus(config.jigWindow())).stream()
                .collect(Collectors.groupingBy(JigNow::stationId, TreeMap::new, Collectors.toList()));
        List<YieldRow> all = reports.yield(null, null);
        Map<String, List<YieldRow>> yields = all.stream().collect(Collectors.groupingBy(YieldRow::stationId));
        Map<String, Long> perHour = line.provisionedSince(now.minus(HOUR));
        Map<String, Long> quarantined = line.openQuarantines();

        TreeSet<String> ids = new TreeSet<>(seen.keySet());
        ids.addAll(jigs.keySet());
        List<StationRow> stations = new ArrayList<>();
        for (String id : ids) {
            Optional<StationSeen> s = Optional.ofNullable(seen.get(id));
            Instant last = s.map(StationSeen::lastSeen).orElse(null);
            List<YieldRow> y = yields.getOrDefault(id, List.of());
            stations.add(new StationRow(id, last, last == null
                    || last.isBefore(now.minus(lifecycle.stationSilenceTimeout())),
                    s.map(StationSeen::softwareVersion).orElse(null), perHour.getOrDefault(id, 0L),
                    y.stream().mapToLong(YieldRow::units).sum(), yieldOf(y), quarantined.getOrDefault(id, 0L),
                    jigs.getOrDefault(id, List.of()).stream().map(LineBoard::jig).toList()));
        }
        return new LineView(now, perHour.values().stream().mapToLong(Long::longValue).sum(),
                all.stream().mapToLong(YieldRow::units).sum(), all.stream().mapToLong(YieldRow::provisioned).sum(),
                yieldOf(all), quarantined.values().stream().mapToLong(Long::longValue).sum(), stations);
    }

    /** Provisioned over decided, one decimal: the yield report's definition, summed over rows. */
    static double yieldOf(List<YieldRow> rows) {
        long provisioned = rows.stream().mapToLong(YieldRow::provisioned).sum();
        long decided = provisioned + rows.stream().mapToLong(r -> r.quarantined() + r.released()).sum();
        return decided == 0 ? 0.0 : Math.round(provisioned * 1000.0 / decided) / 10.0;
    }

    private static JigRow jig(JigNow j) {
        StateKind state = StateKind.valueOf(j.state());
        boolean busy = switch (state) {
            case IDENTIFIED, KEYED, JOB_ISSUED, FLASHING, FUSES_BURNING, VERIFIED -> true;
            case PROVISIONED, QUARANTINED, RELEASED -> false;
        };
        String activity = switch (state) {
            case IDENTIFIED -> "waiting for key material";
            case KEYED -> "keyed, job being issued";
            case JOB_ISSUED -> "job issued, waiting for the first step";
            case FLASHING -> "writing flash";
            case FUSES_BURNING -> "burning eFuses";
            case VERIFIED -> "verified";
            case PROVISIONED -> "idle (last unit provisioned)";
            case QUARANTINED -> "idle (last unit quarantined)";
            case RELEASED -> "idle (last unit released from quarantine)";
        };
        return new JigRow(j.jigId(), j.mac(), j.state(), busy, activity, j.attempt(), j.steps(), j.stepsDone(),
                j.currentStep(), j.updatedAt());
    }
}
