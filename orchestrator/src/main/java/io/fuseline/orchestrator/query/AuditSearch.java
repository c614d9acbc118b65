package io.fuseline.orchestrator.query;

import java.time.Instant;

/**
 * A search of the audit trail; every criterion is optional (null), all given ones must hold. {@code from} is
 * inclusive, {@code to} exclusive. {@code station} and {@code workOrder} match the unit the record is about (its
 * current station, or a station named in the record); {@code action} is the record's action
 * ({@code unit.transition}, {@code step.failed}, ...); {@code cause} the CloudEvents type of the event that caused it;
 * {@code outcome} the unit's current state ({@code PROVISIONED}, {@code QUARANTINED}, ...); {@code failureReason}
 * a step failure or quarantine reason named in the record. {@code page} counts from 0.
 */
public record AuditSearch(Instant from, Instant to, String station, String workOrder, String mac, String action,
                          String cause, String outcome, String failureReason, int page, int size) {
    /** The largest page the API serves (records). */
    public static final int MAX_SIZE = 500;

    public AuditSearch {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", was " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
