package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** When each station was last heard from. Callers run inside a transaction. */
@ApplicationScoped
public class StationStore {
    private final Jdbc jdbc;

    StationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Notes that {@code stationId} spoke at {@code now} (the orchestrator's clock, not the station's: the silence
     * check must not depend on a station's clock). Heartbeats also give its version and key fingerprint.
     */
    public void seen(String stationId, Instant now, String softwareVersion, String keyFingerprint) {
        jdbc.update("INSERT INTO stations (station_id, last_seen, software_version, enrolled_key_fingerprint) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET last_seen = GREATEST(stations.last_seen, "
                + "EXCLUDED.last_seen), software_version = COALESCE(EXCLUDED.software_version, "
                + "stations.software_version), enrolled_key_fingerprint = COALESCE(EXCLUDED.enrolled_key_fingerprint, "
                + "stations.enrolled_key_fingerprint)", "stations " + stationId, stationId, now, softwareVersion,
                keyFingerprint);
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
