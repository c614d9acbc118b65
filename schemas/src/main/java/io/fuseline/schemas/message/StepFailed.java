package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Step {@code step} of a job failed. {@code retriable} equals {@code reason.retriable()} (build with {@link #of});
 * for comparison failures ({@link FailureReason#needsEvidence()}) {@code expected} and {@code actual} hold both
 * sides, else they may be null. {@code detail} is operator text and never holds key material.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC.
 */
public record StepFailed(String jobId, MacAddress mac, String stationId, int attempt, int step, StepKind kind,
                         FailureReason reason, boolean retriable, String expected, String actual, String detail)
        implements FuselineMessage, StationScoped {
    public StepFailed {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** A failure whose retriable flag is derived from its reason. */
    public static StepFailed of(String jobId, MacAddress mac, String stationId, int attempt, int step, StepKind kind,
                                FailureReason reason, String expected, String actual, String detail) {
        return new StepFailed(jobId, mac, stationId, attempt, step, kind, reason, reason.retriable(), expected,
                actual, detail);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
