package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the vault to sign a checkpoint of the orchestrator's audit chain: record {@code sequence}, whose hash is
 * {@code recordHash} (SHA-256 lowercase hex), at {@code requestedAt}. Only the two values travel: the vault builds
 * the statement it signs itself ({@code io.fuseline.schemas.checkpoint.CheckpointStatement}), so its audit key never
 * signs anything else. {@code requestId} makes the request idempotent: the answer names it.
 * Sent by the orchestrator to hsm-signer on {@code fuseline.hsm.requests}, keyed by {@code line}.
 */
public record CheckpointRequested(String requestId, long sequence, String recordHash, Instant requestedAt)
        implements FuselineMessage {
    public CheckpointRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** About the whole line's audit chain, not a unit. */
    @Override
    public Optional<MacAddress> subjectMac() { return Optional.empty(); }
}
