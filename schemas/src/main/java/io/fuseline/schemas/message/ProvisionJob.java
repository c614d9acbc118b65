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
 * {@code attempt} starts at 1 and grows with each retry of the same unit. {@code nvs}, when present, is the unit's
 * own NVS partition, rendered per unit (see {@link UnitNvs}); it is null for a job without one.
 * Sent by the orchestrator to station-agent on {@code fuseline.station.jobs}, keyed by station id.
 *
 * <p>Two contract versions share this record: {@code io.fuseline.job.provision.v1} has no {@code nvs} member (its
 * schema is frozen and closed), {@code io.fuseline.job.provision.v2} requires it. {@link #contractVersion()} picks
 * the version from the content, so a job without a per-unit NVS partition still reads on a v1-only station.
 */
public record ProvisionJob(String jobId, MacAddress mac, ChipFamily chip, String stationId, String jigId,
                           String workOrderId, String recipeId, int attempt, String keyMaterialRequestId,
                           List<FlashImage> images, List<WrappedKey> wrappedKeys, List<JobStep> steps, UnitNvs nvs)
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

    /** A job without a per-unit NVS partition (a v1 job). */
    public ProvisionJob(String jobId, MacAddress mac, ChipFamily chip, String stationId, String jigId,
                        String workOrderId, String recipeId, int attempt, String keyMaterialRequestId,
                        List<FlashImage> images, List<WrappedKey> wrappedKeys, List<JobStep> steps) {
        this(jobId, mac, chip, stationId, jigId, workOrderId, recipeId, attempt, keyMaterialRequestId, images,
                wrappedKeys, steps, null);
    }

    /** 2 when the job carries a per-unit NVS partition (only v2 has the member), 1 otherwise. */
    @Override
    public int contractVersion() {
        return nvs == null ? 1 : 2;
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
