package io.fuseline.orchestrator.lifecycle;

import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what one event does to one unit while the lifecycle decides: each state change is audited as
 * {@code unit.transition} with its cause, so no transition can happen without its record.
 */
final class Decision {
    private Unit unit;
    private final String cause;
    private final List<FuselineMessage> commands = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private boolean admitted;
    private boolean registering;

    Decision(Unit unit, String cause) {
        this.unit = unit;
        this.cause = cause;
    }

    /**
     * A decision about a unit the registry does not know yet. {@code shell} carries its identity; its state is
     * never stored or audited, because the first {@link #to} replaces it and is recorded as coming from NONE.
     */
    static Decision registering(Unit shell, String cause) {
        Decision d = new Decision(shell, cause);
        d.registering = true;
        return d;
    }

    Unit unit() { return unit; }

    /** Moves the unit to {@code next} and records the transition with extra details (key/value pairs). */
    Decision to(UnitState next, Object... details) {
        Object[] all = new Object[details.length + 6];
        all[0] = "from";
        all[1] = registering ? "NONE" : unit.state().kind().name();
        all[2] = "to";
        all[3] = next.kind().name();
        all[4] = "cause";
        all[5] = cause;
        System.arraycopy(details, 0, all, 6, details.length);
        audit.add(AuditEntry.of("unit.transition", all));
        unit = unit.withState(next);
        registering = false;
        return this;
    }

    /** Replaces the unit (a new station, its keys) without a state change of its own. */
    Decision replace(Unit changed) {
        unit = changed;
        return this;
    }

    Decision audit(AuditEntry entry) {
        audit.add(entry);
        return this;
    }

    Decision command(FuselineMessage command) {
        commands.add(command);
        return this;
    }

    Decision admitted() {
        admitted = true;
        return this;
    }

    /** Quarantines the unit: the state, its audit record and the order to the vault (escrow or destroy keys). */
    Decision quarantine(String quarantineId, QuarantineReason reason, Map<String, String> evidence,
                        Integer failedStep) {
        JobRef job = unit.state().job().orElse(null);
        boolean irreversible = job != null && (unit.state().kind() == StateKind.FUSES_BURNING
                || failedStep != null && job.irreversibleBy(failedStep));
        Map<String, String> ev = evidence.isEmpty() ? Map.of("state", unit.state().kind().name()) : evidence;
        UnitState.Quarantined q = new UnitState.Quarantined(quarantineId, reason, ev, irreversible, job, failedStep);
        to(q, "quarantineId", quarantineId, "reason", reason.name(), "evidence", q.evidence(),
                "irreversibleStepsDone", irreversible, "failedStep", failedStep);
        return command(new QuarantineOrdered(quarantineId, unit.mac(), unit.chip(), unit.stationId(),
                job == null ? null : job.jobId(), failedStep, reason, irreversible, unit.keyMaterialRequestId(),
                q.evidence()));
    }

    Outcome outcome() {
        return new Outcome(unit, commands, audit, admitted);
    }
}
