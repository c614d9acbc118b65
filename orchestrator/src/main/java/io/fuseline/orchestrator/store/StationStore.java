package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** When each station was last heard from. Callers run inside a transaction. */
@ApplicationScoped
public class StationStore {
    private static final String UPSERT = "INSERT INTO stations (station_id, last_seen, software_version, "
            + "enrolled_key_fingerprint) VALUES (?, ?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET last_seen = "
            + "GREATEST(stations.last_seen, EXCLUDED.last_seen), software_version = COALESCE(EXCLUDED.software_version, "
            + "stations.software_version), enrolled_key_fingerprint = COALESCE(EXCLUDED.enrolled_key_fingerprint, "
            + "stations.enrolled_key_fingerprint)";

    private final Jdbc jdbc;

    StationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Notes that {@code stationId} spoke at {@code now} (the orchestrator's clock, not the station's: the silence
     * check must not depend on a station's clock). Heartbeats also give its version and key fingerprint.
     */
    public void seen(String stationId, Instant now, String softwareVersion, String keyFingerprint) {
        jdbc.update(UPSERT, "stations " + stationId, stationId, now, softwareVersion, keyFingerprint);
    }

    /**
     * Collects the sightings of one transaction, one per station (the latest time, the latest version and key
     * fingerprint given), and writes them in one batch in station-id order: transactions that write several stations
     * lock them in the same order, so they cannot deadlock on them. Not thread-safe.
     */
    public Sightings sightings() {
        return new Sightings();
    }

    /** See {@link #sightings()}. */
    public final class Sightings {
        private final java.util.TreeMap<String, Object[]> rows = new java.util.TreeMap<>();

        private Sightings() {
        }

        /** As {@link #seen}, written at {@link #write()}. */
        public void note(String stationId, Instant now, String softwareVersion, String keyFingerprint) {
            Object[] row = rows.get(stationId);
            if (row == null) {
                rows.put(stationId, new Object[] {stationId, now, softwareVersion, keyFingerprint});
                return;
            }
            if (now.isAfter((Instant) row[1])) {
                row[1] = now;
            }
            row[2] = softwareVersion != null ? softwareVersion : row[2];
            row[3] = keyFingerprint != null ? keyFingerprint : row[3];
        }

        public void write() {
            jdbc.batch(UPSERT, "stations " + rows.keySet(), new java.util.ArrayList<>(rows.values()));
            rows.clear();
        }
    }

    public Optional<Instant> lastSeen(String stationId) {
        return jdbc.with("SELECT last_seen FROM stations WHERE station_id = ?", "stations " + stationId, ps -> {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        });
    }
}
