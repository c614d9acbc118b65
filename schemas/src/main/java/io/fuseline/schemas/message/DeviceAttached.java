package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit was plugged into a jig and its USB bridge enumerated; it is not identified yet, so the event names no MAC.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by station id.
 */
public record DeviceAttached(String stationId, String jigId, String port, int usbVendorId, int usbProductId)
        implements FuselineMessage, StationScoped {
    public DeviceAttached {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.empty(); }
}
