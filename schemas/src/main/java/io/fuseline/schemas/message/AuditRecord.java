package io.fuseline.schemas.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.MacAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of the hash-chained audit log: {@code sequence} counts from 0, {@code previousHash} is the
 * {@code recordHash} of record {@code sequence - 1} (64 zeros for record 0), both SHA-256 lowercase hex.
 * {@code subject} is a unit's MAC or {@code line} for line-wide records; {@code actor} who acted (a service or an
 * operator), {@code action} what happened in dotted lowercase ({@code key.wrapped}), {@code payload} the details.
 * Sent by the orchestrator (and by hsm-signer for key custody) to the archive on {@code fuseline.audit}, keyed by
 * the subject.
 */
public record AuditRecord(long sequence, String previousHash, String recordHash, String actor, String action,
                          String subject, ObjectNode payload, Instant time) implements FuselineMessage {
    /** The subject of records about the whole line rather than one unit. */
    public static final String LINE_SUBJECT = "line";

    public AuditRecord {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(time, "time");
        payload = payload.deepCopy();
    }

    /** A copy of the payload: the record stays immutable. */
    @Override
    public ObjectNode payload() { return payload.deepCopy(); }

    @Override
    public Optional<MacAddress> subjectMac() {
        return MacAddress.isCanonical(subject) ? Optional.of(MacAddress.parse(subject)) : Optional.empty();
    }
}
