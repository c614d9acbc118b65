package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.QuarantineReleased;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The unit lifecycle: events in, the unit's new state, commands out and audit records. Pure and deterministic
 * (ids come from {@link Ids}), so it is tested without a broker or a database; the service runs it inside the one
 * transaction that also stores its outcome.
 */
public final class UnitLifecycle {
    private final Admission admission;
    private final Reidentification reidentification;
    private final JobEvents jobEvents;
    private final Retry retry;
    private final Ids ids;

    public UnitLifecycle(LifecyclePolicy policy, RecipeBook recipes, Ids ids) {
        this.ids = ids;
        JobIssuer issuer = new JobIssuer(ids);
        this.admission = new Admission(recipes, ids);
        this.retry = new Retry(policy, recipes, issuer, ids);
        this.reidentification = new Reidentification(admission, retry, recipes, ids);
        this.jobEvents = new JobEvents(retry, ids);
    }

    /**
     * A station identified a unit: admission of a new unit ({@code known} empty; {@code workOrder} is the station's
     * open work order, if any) or re-identification of a known one (a released unit without a work order of its
     * own re-enters on {@code workOrder}, see {@link #needsWorkOrder}).
     */
    public Outcome identified(Optional<Unit> known, DeviceIdentified e, Optional<WorkOrderView> workOrder) {
        String cause = MessageType.DEVICE_IDENTIFIED.type();
        return known.map(u -> reidentification.reidentify(u, e, workOrder, cause))
                .orElseGet(() -> admission.admit(e, workOrder, cause));
    }

    /** Whether identifying {@code known} again needs its station's open work order (read and locked by the caller). */
    public static boolean needsWorkOrder(Optional<Unit> known) {
        return known.map(u -> u.state().kind() == StateKind.RELEASED && u.workOrderId() == null).orElse(true);
    }

    /**
     * Any other event about a known unit.
     *
     * @throws IllegalArgumentException for a message the orchestrator never consumes (its own commands)
     */
    public Outcome on(Unit unit, FuselineMessage event) {
        MessageType type = MessageType.of(event);
        String cause = type.type();
        return switch (type) {
            case KEY_MATERIAL_ISSUED -> keyed(unit, (KeyMaterialIssued) event, cause);
            case STEP_STARTED -> jobEvents.started(unit, (StepStarted) event, cause);
            case STEP_COMPLETED -> jobEvents.completed(unit, (StepCompleted) event, cause);
            case STEP_FAILED -> jobEvents.failed(unit, (StepFailed) event, cause);
            case FUSE_BURNED -> jobEvents.fuseBurned(unit, (FuseBurned) event, cause);
            case DEVICE_DETACHED -> jobEvents.detached(unit, (DeviceDetached) event, cause);
            case DEVICE_IDENTIFIED -> identified(Optional.of(unit), (DeviceIdentified) event, Optional.empty());
            case DEVICE_ATTACHED, STATION_HEARTBEAT, KEY_MATERIAL_REQUESTED, PROVISION_JOB, PROVISION_JOB_V2,
                    DEVICE_PROVISIONED, QUARANTINE_ORDERED, QUARANTINE_RELEASED, AUDIT_RECORD, CHECKPOINT_REQUESTED,
                    CHECKPOINT_SIGNED ->
                    throw new IllegalArgumentException(cause + " is not an event about a unit's lifecycle");
        };
    }

    /**
     * The unit's station has not been heard from since {@code lastSeen}: a unit in a job is quarantined
     * (STATION_SILENT), since nobody can tell which of its steps ran. Units not in a job are left alone.
     */
    public Outcome stationSilent(Unit unit, Instant lastSeen, Duration silentFor) {
        if (!unit.state().kind().inJob()) {
            return new Outcome(unit, java.util.List.of(), java.util.List.of(), false);
        }
        JobRef job = unit.state().job().orElseThrow();
        return new Decision(unit, "station.silent").quarantine(ids.next("q"), QuarantineReason.STATION_SILENT,
                Map.of("station", unit.stationId(), "lastSeen", lastSeen.toString(), "silentForSeconds",
                        Long.toString(silentFor.toSeconds()), "jobId", job.jobId()),
                job.lastCompletedStep() + 1).outcome();
    }

    /**
     * A quality engineer's decision on quarantine {@code quarantineId}: the unit moves to RELEASED and the vault is
     * told (QuarantineReleased). RETEST and REWORK let it re-enter when a station identifies it again; its next job
     * will be attempt {@code nextAttempt} (the caller knows the attempts used from the registry).
     *
     * @throws IllegalStateException    if the unit is not in that quarantine (already decided, or another case)
     * @throws IllegalArgumentException if {@code by} or {@code reason} is blank
     */
    public Outcome release(Unit unit, String quarantineId, Disposition disposition, String by, String reason,
                           int nextAttempt) {
        if (by == null || by.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a disposition of " + quarantineId + " needs who decided and why");
        }
        if (!(unit.state() instanceof UnitState.Quarantined q) || !q.quarantineId().equals(quarantineId)) {
            throw new IllegalStateException("unit " + unit.describe() + " is not in quarantine " + quarantineId);
        }
        Decision d = new Decision(unit, "quarantine.disposition");
        d.to(new UnitState.Released(quarantineId, disposition, nextAttempt, q.current()), "quarantineId",
                quarantineId, "disposition", disposition.name(), "by", by, "reason", reason, "quarantineReason",
                q.reason().name());
        return d.command(new QuarantineReleased(quarantineId, unit.mac(), disposition, by, reason)).outcome();
    }

    private Outcome keyed(Unit unit, KeyMaterialIssued e, String cause) {
        if (unit.state().kind() != StateKind.IDENTIFIED || !e.requestId().equals(unit.keyMaterialRequestId())) {
            return Outcome.noted(unit, AuditEntry.of("event.ignored", "cause", cause, "requestId", e.requestId(),
                    "state", unit.state().kind().name()));
        }
        Decision d = new Decision(unit, cause);
        if (!e.stationId().equals(unit.stationId())) {
            // Wrapped for another station's key: the unit's station could not unwrap it.
            return d.quarantine(ids.next("q"), QuarantineReason.KEY_MATERIAL_UNAVAILABLE, Map.of("requestId",
                    e.requestId(), "wrappedFor", e.stationId(), "unitStation", unit.stationId()), null).outcome();
        }
        int attempt = ((UnitState.Identified) unit.state()).nextAttempt();
        d.replace(unit.withKeys(e.wrappedKeys(), e.certificatePem(), unit.state()));
        d.to(new UnitState.Keyed(attempt), "requestId", e.requestId(), "keys", e.wrappedKeys().stream()
                .map(k -> k.keyId() + " " + k.kind() + " kcv " + k.kcv()).toList());
        retry.issueOrHold(d, attempt);
        return d.outcome();
    }
}
