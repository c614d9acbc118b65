package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The orchestrator set a unit aside with its evidence (label to value, at least one entry). {@code jobId},
 * {@code failedStep} and {@code keyMaterialRequestId} are null when the unit never got that far;
 * {@code irreversibleStepsDone} tells hsm-signer whether keys may already be in the chip (escrow rather than
 * destroy) and the operator whether a retest is possible.
 * Sent by the orchestrator to hsm-signer on {@code fuseline.hsm.requests}, keyed by MAC.
 */
public record QuarantineOrdered(String quarantineId, MacAddress mac, ChipFamily chip, String stationId, String jobId,
                                Integer failedStep, QuarantineReason reason, boolean irreversibleStepsDone,
                                String keyMaterialRequestId, Map<String, String> evidence)
        implements FuselineMessage, StationScoped {
    public QuarantineOrdered {
        Objects.requireNonNull(quarantineId, "quarantineId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(reason, "reason");
        evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
