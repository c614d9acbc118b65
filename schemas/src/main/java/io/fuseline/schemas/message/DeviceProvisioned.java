package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The orchestrator's verdict that a unit is done: every step of job {@code jobId} completed and verified, the
 * keys in {@code burnedKeyIds} are in read-protected key blocks, and {@code auditHead} (SHA-256 hex) is the hash
 * of the audit record that closed the unit. hsm-signer destroys or escrows the unit's key copies by policy.
 * Sent by the orchestrator to hsm-signer on {@code fuseline.hsm.requests}, keyed by MAC.
 */
public record DeviceProvisioned(String jobId, MacAddress mac, ChipFamily chip, String stationId, String workOrderId,
                                String recipeId, int attempt, String keyMaterialRequestId, List<String> burnedKeyIds,
                                String auditHead) implements FuselineMessage, StationScoped {
    public DeviceProvisioned {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(workOrderId, "workOrderId");
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(keyMaterialRequestId, "keyMaterialRequestId");
        Objects.requireNonNull(auditHead, "auditHead");
        burnedKeyIds = List.copyOf(burnedKeyIds);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
