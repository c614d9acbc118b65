package io.fuseline.orchestrator.lifecycle;

import io.fuseline.schemas.message.FuselineMessage;
import java.util.List;

/**
 * What handling one event decided: the unit afterwards ({@code null} when the event concerns no known unit), the
 * commands to publish, the audit records to append, and whether the unit consumed a unit of its work order's quota.
 *
 * <p>A {@code DeviceProvisioned} command carries {@link #AUDIT_HEAD_PENDING} as its audit head: only the appender
 * knows the hash of the record that closes the unit, and it fills it in. The sentinel is not hex, so a command that
 * escaped unfilled fails the codec's validation instead of publishing a wrong head.
 */
public record Outcome(Unit unit, List<FuselineMessage> commands, List<AuditEntry> audit, boolean admitted) {
    public static final String AUDIT_HEAD_PENDING = "pending-audit-head";

    public Outcome {
        commands = List.copyOf(commands);
        audit = List.copyOf(audit);
    }

    /** Nothing changes but the audit trail notes the event. */
    public static Outcome noted(Unit unit, AuditEntry entry) {
        return new Outcome(unit, List.of(), List.of(entry), false);
    }
}
