package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Step {@code step} of a job succeeded, verified, after {@code durationMillis} milliseconds. {@code evidence}
 * holds what was verified (for example {@code md5} of the flash region, or the read-back value of a fuse) so the
 * audit trail can show it.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC.
 */
public record StepCompleted(String jobId, MacAddress mac, String stationId, int attempt, int step, StepKind kind,
                            long durationMillis, Map<String, String> evidence)
        implements FuselineMessage, StationScoped {
    public StepCompleted {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(kind, "kind");
        evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
