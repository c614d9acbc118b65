package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the vault for one unit's secrets, to be wrapped for {@code stationId}. {@code requestId} makes the request
 * idempotent: the vault answers a repeated id with the material it already issued. {@code reprovision} is true when
 * the registry knows the unit (a RETEST after quarantine) and a second issue is intended.
 * Sent by the orchestrator to hsm-signer on {@code fuseline.hsm.requests}, keyed by MAC.
 */
public record KeyMaterialRequested(String requestId, MacAddress mac, ChipFamily chip, String stationId,
                                   String workOrderId, String recipeId, boolean reprovision,
                                   List<SecretSpec> secrets) implements FuselineMessage, StationScoped {
    public KeyMaterialRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(workOrderId, "workOrderId");
        Objects.requireNonNull(recipeId, "recipeId");
        secrets = List.copyOf(secrets);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
