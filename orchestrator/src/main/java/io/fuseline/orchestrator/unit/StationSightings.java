package io.fuseline.orchestrator.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this instance last stored each station's last-seen time. A busy station reports many events a second and
 * every batch used to rewrite its row (a tenth of the database's time, and a row every batch transaction locks); the
 * silence check counts in tens of seconds, so a row at most {@code station-seen-resolution} old says as much. Only
 * committed writes count: a rolled-back batch leaves the station due. Heartbeats are always written (they carry the
 * version and key fingerprint). Thread-safe.
 */
@ApplicationScoped
class StationSightings {
    private final Duration resolution;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Instant> stored = new ConcurrentHashMap<>();

    @Inject
    StationSightings(LifecycleConfig config, TransactionSynchronizationRegistry transactions) {
        this(config.stationSeenResolution(), transactions);
    }

    /** For tests: {@code transactions} null writes at once, as outside a transaction. */
    StationSightings(Duration resolution, TransactionSynchronizationRegistry transactions) {
        this.resolution = resolution;
        this.transactions = transactions;
    }

    /** Whether a sighting of {@code stationId} at {@code now} should be written (its stored time is that old). */
    boolean due(String stationId, Instant now) {
        Instant last = stored.get(stationId);
        return last == null || !now.isBefore(last.plus(resolution));
    }

    /** Remembers the sightings a transaction writes, once (and only if) it commits. */
    void writing(Map<String, Instant> sightings) {
        if (sightings.isEmpty()) {
            return;
        }
        Map<String, Instant> copy = new HashMap<>(sightings);
        if (transactions == null || transactions.getTransactionKey() == null) {
            stored(copy);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    stored(copy);
                }
            }
        });
    }

    private void stored(Map<String, Instant> sightings) {
        sightings.forEach((station, at) -> stored.merge(station, at, (a, b) -> a.isAfter(b) ? a : b));
    }
}
