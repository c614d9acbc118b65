package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit left its jig. {@code mac} is null when it was never identified; {@code duringJob} is true when a job was
 * still running on it (the orchestrator then treats the job as failed with DEVICE_DISCONNECTED).
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC (station id when
 * there is no MAC).
 */
public record DeviceDetached(String stationId, String jigId, String port, MacAddress mac, boolean duringJob)
        implements FuselineMessage, StationScoped {
    public DeviceDetached {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.ofNullable(mac); }
}
