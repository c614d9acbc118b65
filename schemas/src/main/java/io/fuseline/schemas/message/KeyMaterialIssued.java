package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vault's answer to a {@link KeyMaterialRequested}: every secret wrapped under the key of the station it was
 * requested for ({@code wrappingKeyFingerprint}, SHA-256 hex of that public key), plus the device certificate
 * (PEM, present exactly when an identity key was issued). Carries wrapped material only, never plaintext.
 * Sent by hsm-signer to the orchestrator on {@code fuseline.hsm.results}, keyed by MAC.
 */
public record KeyMaterialIssued(String requestId, MacAddress mac, ChipFamily chip, String stationId,
                                String wrappingKeyFingerprint, List<WrappedKey> wrappedKeys, String certificatePem)
        implements FuselineMessage, StationScoped {
    public KeyMaterialIssued {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(wrappingKeyFingerprint, "wrappingKeyFingerprint");
        wrappedKeys = List.copyOf(wrappedKeys);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
