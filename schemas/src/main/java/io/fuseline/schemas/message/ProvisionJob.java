package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for one unit: the images to write (by digest), the wrapped keys it needs (copied from the
 * {@link KeyMaterialIssued} named by {@code keyMaterialRequestId}) and the ordered steps. Steps are numbered 1..n,
 * every reversible step comes before the first irreversible one, and a protect step follows the burn it protects.
 * {@code attempt} starts at 1 and grows with each retry of the same unit.
 * Sent by the orchestrator to station-agent on {@code fuseline.station.jobs}, keyed by station id.
 */
public record ProvisionJob(String jobId, MacAddress mac, ChipFamily chip, String stationId, String jigId,
                           String workOrderId, String recipeId, int attempt, String keyMaterialRequestId,
                           List<FlashImage> images, List<WrappedKey> wrappedKeys, List<JobStep> steps)
        implements FuselineMessage, StationScoped {
    public ProvisionJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(workOrderId, "workOrderId");
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(keyMaterialRequestId, "keyMaterialRequestId");
        images = List.copyOf(images);
        wrappedKeys = List.copyOf(wrappedKeys);
        steps = List.copyOf(steps);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
