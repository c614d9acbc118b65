package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A quality engineer released quarantine {@code quarantineId}: the disposition, who decided ({@code by}, the
 * operator's user id) and why (free text, required).
 * Sent by the orchestrator to hsm-signer on {@code fuseline.hsm.requests}, keyed by MAC; on SCRAP the escrowed
 * keys may be destroyed.
 */
public record QuarantineReleased(String quarantineId, MacAddress mac, Disposition disposition, String by,
                                 String reason) implements FuselineMessage {
    public QuarantineReleased {
        Objects.requireNonNull(quarantineId, "quarantineId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
