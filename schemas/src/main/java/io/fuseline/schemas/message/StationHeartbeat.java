package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A station is alive: its software version, the SHA-256 fingerprint (lowercase hex) of the wrapping key it was
 * enrolled with, its uptime in seconds and the state of each jig. The orchestrator quarantines in-progress units
 * of a station that stops sending these (STATION_SILENT).
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by station id.
 */
public record StationHeartbeat(String stationId, String softwareVersion, String enrolledKeyFingerprint,
                               long uptimeSeconds, List<JigStatus> jigs) implements FuselineMessage, StationScoped {
    public StationHeartbeat {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(enrolledKeyFingerprint, "enrolledKeyFingerprint");
        jigs = List.copyOf(jigs);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.empty(); }
}
