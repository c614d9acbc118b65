package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.JobPlanBuilder;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.QuarantineReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens when a station identifies a unit that the registry does not know: the eFuses must be blank, the
 * station must work on an open work order with room left, and the recipe must fit the chip. Then the vault is asked
 * for the unit's keys. Re-identification of a known unit is {@link Reidentification}'s job.
 */
final class Admission {
    private final RecipeBook recipes;
    private final Ids ids;
    private final JobPlanBuilder plans = new JobPlanBuilder();

    Admission(RecipeBook recipes, Ids ids) {
        this.recipes = recipes;
        this.ids = ids;
    }

    Outcome admit(DeviceIdentified e, Optional<WorkOrderView> workOrder, String cause) {
        String woId = workOrder.map(WorkOrderView::id).orElse(null);
        String recipeId = workOrder.map(WorkOrderView::recipeId).orElse(null);
        // The shell's state is a placeholder: Decision.registering records the first transition as from NONE.
        String lot = workOrder.map(WorkOrderView::lot).orElse(null);
        Unit shell = new Unit(e.mac(), e.chip(), e.chipRevision(), e.stationId(), e.jigId(), woId, recipeId, lot,
                null, List.of(), null, new UnitState.Keyed(1));
        Decision d = Decision.registering(shell, cause);
        Map<String, String> burned = ArrivalFuses.burned(e);
        if (!burned.isEmpty()) {
            return d.quarantine(ids.next("q"), QuarantineReason.SECURITY_FUSES_ALREADY_BURNED, burned, null)
                    .outcome();
        }
        if (workOrder.isEmpty()) {
            return hold(d, Map.of("station", e.stationId(), "problem", "the station has no open work order"));
        }
        WorkOrderView wo = workOrder.get();
        Optional<Recipe> recipe = recipes.find(wo.recipeId());
        if (recipe.isEmpty()) {
            return hold(d, Map.of("workOrder", wo.id(), "problem", "recipe '" + wo.recipeId() + "' is not loaded"));
        }
        Recipe r = recipe.get();
        if (r.chip() != e.chip() || !r.accepts(e.chipRevision())) {
            return hold(d, Map.of("workOrder", wo.id(), "recipe", r.id(), "problem", "recipe needs "
                    + r.chip().toolName() + " " + r.minRevision() + " or later, unit is " + e.chip().toolName() + " "
                    + e.chipRevision()));
        }
        if (!wo.hasRoom()) {
            return d.quarantine(ids.next("q"), QuarantineReason.QUOTA_EXCEEDED, Map.of("workOrder", wo.id(),
                    "quantity", Integer.toString(wo.quantity()), "overbuildQuota",
                    Integer.toString(wo.overbuildQuota()), "started", Integer.toString(wo.started())), null)
                    .outcome();
        }
        String requestId = ids.next("kmr");
        Unit admitted = new Unit(e.mac(), e.chip(), e.chipRevision(), e.stationId(), e.jigId(), wo.id(), r.id(),
                wo.lot(), requestId, List.of(), null, shell.state());
        d.replace(admitted).admitted()
                .command(keyRequest(admitted, r))
                .to(new UnitState.Identified(requestId), "workOrder", wo.id(), "lot", wo.lot(), "recipe", r.id(),
                        "keyMaterialRequestId", requestId);
        return d.outcome();
    }

    /**
     * A released unit (RETEST, REWORK) identified again: blank eFuses required (they are the ground truth), then new
     * key material is requested with {@code reprovision} set. It keeps its work order (it already counted there);
     * one released before it had one is admitted to {@code workOrder} like a new unit.
     */
    void readmit(Decision d, DeviceIdentified e, Optional<WorkOrderView> workOrder, UnitState.Released released) {
        Unit unit = d.unit();
        Map<String, String> burned = ArrivalFuses.burned(e);
        if (!burned.isEmpty()) {
            d.quarantine(ids.next("q"), QuarantineReason.SECURITY_FUSES_ALREADY_BURNED, burned, null);
            return;
        }
        String woId = unit.workOrderId();
        String recipeId = unit.recipeId();
        String lot = unit.lot();
        if (woId == null) {
            if (workOrder.isEmpty() || !workOrder.get().hasRoom()) {
                d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD, Map.of("station", e.stationId(),
                        "problem", "the station has no open work order with room for a re-entering unit"), null);
                return;
            }
            woId = workOrder.get().id();
            recipeId = workOrder.get().recipeId();
            lot = workOrder.get().lot();
            d.admitted();
        }
        Optional<Recipe> recipe = recipes.find(recipeId);
        if (recipe.isEmpty() || recipe.get().chip() != e.chip() || !recipe.get().accepts(e.chipRevision())) {
            d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD, Map.of("workOrder", woId, "problem",
                    "recipe '" + recipeId + "' is not loaded or does not fit the unit"), null);
            return;
        }
        String requestId = ids.next("kmr");
        // The old keys and certificate are void: the vault issues new ones for the new request.
        Unit again = new Unit(unit.mac(), unit.chip(), e.chipRevision(), e.stationId(), e.jigId(), woId, recipeId,
                lot, requestId, List.of(), null, unit.state());
        d.replace(again).command(keyRequest(again, recipe.get(), true))
                .to(new UnitState.Identified(requestId, released.nextAttempt()), "workOrder", woId, "recipe",
                        recipeId, "keyMaterialRequestId", requestId, "reentryAfter", released.quarantineId(),
                        "disposition", released.disposition().name(), "nextAttempt", released.nextAttempt());
    }

    KeyMaterialRequested keyRequest(Unit unit, Recipe recipe) {
        return keyRequest(unit, recipe, false);
    }

    /** {@code reprovision} is true for a unit the vault already issued keys to (re-entry after a release). */
    KeyMaterialRequested keyRequest(Unit unit, Recipe recipe, boolean reprovision) {
        return new KeyMaterialRequested(unit.keyMaterialRequestId(), unit.mac(), unit.chip(), unit.stationId(),
                unit.workOrderId(), unit.recipeId(), reprovision, plans.secrets(recipe));
    }

    private Outcome hold(Decision d, Map<String, String> evidence) {
        return d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD, evidence, null).outcome();
    }
}
