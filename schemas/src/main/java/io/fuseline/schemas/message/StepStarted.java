package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The station began step {@code step} of job {@code jobId} (attempt {@code attempt}) on a unit.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC.
 */
public record StepStarted(String jobId, MacAddress mac, String stationId, int attempt, int step, StepKind kind)
        implements FuselineMessage, StationScoped {
    public StepStarted {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
