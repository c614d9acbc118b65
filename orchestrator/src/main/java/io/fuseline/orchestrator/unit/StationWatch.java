package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.UnitLifecycle;
import io.fuseline.orchestrator.store.DeviceStore;
import io.fuseline.orchestrator.store.StationStore;
import io.fuseline.orchestrator.store.StoredUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Quarantines the units in a job on a station that has gone silent (STATION_SILENT): no event and no heartbeat from
 * it for {@code fuseline.lifecycle.station-silence-timeout}, counted from the later of its last word and the unit's
 * last change. Each unit is decided in its own version-checked transaction, so instances running the check at the
 * same time quarantine a unit once.
 */
@ApplicationScoped
public class StationWatch {
    private static final Logger LOG = Logger.getLogger(StationWatch.class);

    private final DeviceStore devices;
    private final StationStore stations;
    private final UnitLifecycle lifecycle;
    private final OutcomeWriter writer;
    private final LifecycleConfig config;
    private final Clock clock;

    StationWatch(DeviceStore devices, StationStore stations, UnitLifecycle lifecycle, OutcomeWriter writer,
                 LifecycleConfig config, Clock clock) {
        this.devices = devices;
        this.stations = stations;
        this.lifecycle = lifecycle;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${fuseline.lifecycle.silence-check-interval}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        checkAt(clock.instant());
    }

    /** Runs the check as if it were {@code now}; returns how many units it quarantined. */
    public int checkAt(Instant now) {
        List<String> ids = QuarkusTransaction.requiringNew().call(devices::stationsWithUnitsInJob);
        int quarantined = 0;
        for (String station : ids) {
            List<StoredUnit> units = QuarkusTransaction.requiringNew().call(() -> devices.inJobOn(station));
            for (StoredUnit unit : units) {
                quarantined += QuarkusTransaction.requiringNew().call(() -> check(unit, now)) ? 1 : 0;
            }
        }
        return quarantined;
    }

    private boolean check(StoredUnit stored, Instant now) {
        Optional<StoredUnit> fresh = devices.find(stored.unit().mac());
        if (fresh.isEmpty() || !fresh.get().unit().state().kind().inJob()) {
            return false;
        }
        StoredUnit unit = fresh.get();
        Instant lastSeen = stations.lastSeen(unit.unit().stationId()).orElse(Instant.EPOCH);
        Instant since = lastSeen.isAfter(unit.updatedAt()) ? lastSeen : unit.updatedAt();
        Duration silent = Duration.between(since, now);
        if (silent.compareTo(config.stationSilenceTimeout()) <= 0) {
            return false;
        }
        LOG.warnf("unit %s: station %s silent for %d s", unit.unit().describe(), unit.unit().stationId(),
                silent.toSeconds());
        Outcome outcome = lifecycle.stationSilent(unit.unit(), since, silent);
        writer.storeUnit(Optional.of(unit), outcome, now);
        writer.auditAndQueue(unit.unit().mac().toString(), outcome, now);
        return true;
    }
}
