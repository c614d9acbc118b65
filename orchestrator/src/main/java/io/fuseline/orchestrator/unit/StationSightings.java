package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.store.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    private final AfterCommit afterCommit;
    private final Map<String, Instant> stored = new ConcurrentHashMap<>();

    @Inject
    StationSightings(LifecycleConfig config, AfterCommit afterCommit) {
        this(config.stationSeenResolution(), afterCommit);
    }

    StationSightings(Duration resolution, AfterCommit afterCommit) {
        this.resolution = resolution;
        this.afterCommit = afterCommit;
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
        afterCommit.run(() -> stored(copy));
    }

    private void stored(Map<String, Instant> sightings) {
        sightings.forEach((station, at) -> stored.merge(station, at, (a, b) -> a.isAfter(b) ? a : b));
    }
}
