package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.QuarantineReason;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A station identified a unit the registry already knows. A provisioned MAC coming back, or one in progress on
 * another station, is a clone or a mix-up. On its own station the unit resumes from the registry and its eFuses
 * (the ground truth after any crash): a unit that may have burned fuses is quarantined, one that cannot have is
 * retried.
 */
final class Reidentification {
    private final Admission admission;
    private final Retry retry;
    private final RecipeBook recipes;
    private final Ids ids;

    Reidentification(Admission admission, Retry retry, RecipeBook recipes, Ids ids) {
        this.admission = admission;
        this.retry = retry;
        this.recipes = recipes;
        this.ids = ids;
    }

    Outcome reidentify(Unit unit, DeviceIdentified e, Optional<WorkOrderView> workOrder, String cause) {
        Decision d = new Decision(unit, cause);
        boolean sameStation = unit.stationId().equals(e.stationId());
        Map<String, String> whereabouts = new TreeMap<>(Map.of("registeredStation", unit.stationId(),
                "registeredJig", unit.jigId(), "arrivedStation", e.stationId(), "arrivedJig", e.jigId(),
                "registeredState", unit.state().kind().name()));
        unit.state().job().ifPresent(j -> whereabouts.put("registeredJob", j.jobId()));
        d.replace(unit.atJig(e.stationId(), e.jigId(), unit.state()));
        return switch (unit.state().kind()) {
            case PROVISIONED, VERIFIED -> d.quarantine(ids.next("q"), QuarantineReason.DUPLICATE_MAC, whereabouts,
                    null).outcome();
            case RELEASED -> reenter(d, e, workOrder, whereabouts);
            case QUARANTINED -> d.audit(AuditEntry.of("unit.reidentified", "state", "QUARANTINED", "station",
                    e.stationId(), "jig", e.jigId())).outcome();
            case IDENTIFIED, KEYED, JOB_ISSUED, FLASHING, FUSES_BURNING -> sameStation ? resume(d, e, whereabouts)
                    : d.quarantine(ids.next("q"), QuarantineReason.DUPLICATE_MAC, whereabouts, null).outcome();
        };
    }

    private Outcome reenter(Decision d, DeviceIdentified e, Optional<WorkOrderView> workOrder,
                            Map<String, String> whereabouts) {
        UnitState.Released released = (UnitState.Released) d.unit().state();
        if (released.disposition() == Disposition.SCRAP) {
            whereabouts.put("scrappedIn", released.quarantineId());
            return d.quarantine(ids.next("q"), QuarantineReason.DUPLICATE_MAC, whereabouts, null).outcome();
        }
        admission.readmit(d, e, workOrder, released);
        return d.outcome();
    }

    private Outcome resume(Decision d, DeviceIdentified e, Map<String, String> whereabouts) {
        Unit unit = d.unit();
        Map<String, String> burned = ArrivalFuses.burned(e);
        switch (unit.state().kind()) {
            case IDENTIFIED -> recipes.find(unit.recipeId()).ifPresent(r -> d.command(admission.keyRequest(unit, r,
                            ((UnitState.Identified) unit.state()).reentryAttempt() != null))
                    .audit(AuditEntry.of("unit.reidentified", "state", "IDENTIFIED", "resent",
                            "keyMaterialRequested", "keyMaterialRequestId", unit.keyMaterialRequestId())));
            case KEYED -> retry.issueOrHold(d, ((UnitState.Keyed) unit.state()).nextAttempt());
            case JOB_ISSUED -> {
                // No step of the job started: the station restarted before it, or the unit came back from a
                // flaky connection while its (retry) job waits at the station. Either way the same job is what the
                // unit needs; a new attempt would run twice and the first run's result would be thrown away.
                JobRef job = unit.state().job().orElseThrow();
                if (!burned.isEmpty()) {
                    burned.putAll(whereabouts);
                    d.quarantine(ids.next("q"), QuarantineReason.SECURITY_FUSES_ALREADY_BURNED, burned, null);
                } else {
                    d.audit(AuditEntry.of("unit.reidentified", "state", "JOB_ISSUED", "resent", "provisionJob",
                            "jobId", job.jobId(), "attempt", job.attempt()));
                    retry.resend(d, job);
                }
            }
            case FLASHING -> {
                JobRef job = unit.state().job().orElseThrow();
                if (burned.isEmpty()) {
                    // The station restarted mid-job before any fuse: a transient failure, retried as such.
                    whereabouts.put("failure", "REIDENTIFIED_DURING_JOB");
                    retry.retry(d, job.attempt(), whereabouts, job.lastCompletedStep() + 1, true);
                } else {
                    burned.putAll(whereabouts);
                    d.quarantine(ids.next("q"), QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP, burned,
                            job.lastCompletedStep() + 1);
                }
            }
            case FUSES_BURNING -> {
                burned.putAll(whereabouts);
                d.quarantine(ids.next("q"), QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP, burned,
                        unit.state().job().orElseThrow().lastCompletedStep() + 1);
            }
            case VERIFIED, PROVISIONED, QUARANTINED, RELEASED -> throw new IllegalStateException(
                    "resume is only called for units in progress, not " + unit.describe());
        }
        return d.outcome();
    }
}
