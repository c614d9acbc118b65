package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.JobPlanBuilder;
import io.fuseline.orchestrator.recipe.NvsRenderer;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.UnitNvs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a unit's next job from its recipe, its wrapped keys and, when the recipe has an NVS template, the unit's
 * own NVS partition rendered from its lot, ids and device certificate; moves it from KEYED to JOB_ISSUED. A unit
 * whose partition cannot be rendered (no certificate came with its keys) is held for an operator instead.
 */
final class JobIssuer {
    private final JobPlanBuilder plans = new JobPlanBuilder();
    private final Ids ids;

    JobIssuer(Ids ids) {
        this.ids = ids;
    }

    /** Issues attempt {@code attempt} to the unit's station; the unit must hold its keys. */
    void issue(Decision d, Recipe recipe, int attempt) {
        Unit unit = d.unit();
        Optional<Rendered> rendered = render(d, recipe);
        if (rendered.isEmpty()) {
            return;
        }
        UnitNvs nvs = rendered.get().nvs();
        List<JobStep> steps = plans.steps(recipe, unit.keys(), nvs);
        int firstIrreversible = steps.stream().filter(JobStep::irreversible).mapToInt(JobStep::number).findFirst()
                .orElse(steps.size() + 1);
        JobRef job = new JobRef(ids.next("job"), attempt, unit.keyMaterialRequestId(), steps.size(), firstIrreversible,
                0, plans.burnedKeyIds(recipe, unit.keys()));
        d.command(job(unit, recipe, job.jobId(), attempt, steps, nvs));
        // The partition's digest binds the audit trail to what the station was told to write (its bytes hold keys).
        d.to(new UnitState.JobIssued(job), "jobId", job.jobId(), "attempt", attempt, "steps", steps.size(),
                "firstIrreversibleStep", firstIrreversible, "unitNvsDigest", nvs == null ? null : nvs.digest());
    }

    /**
     * Sends the unit's current job {@code job} again, same id and attempt, without a new attempt: the station may
     * have lost it in a restart, and one that still holds it runs it once (it ignores a job id it has seen).
     * Rendering is deterministic, so the partition description is the one first sent.
     */
    void resend(Decision d, Recipe recipe, JobRef job) {
        Unit unit = d.unit();
        Optional<Rendered> rendered = render(d, recipe);
        if (rendered.isPresent()) {
            UnitNvs nvs = rendered.get().nvs();
            d.command(job(unit, recipe, job.jobId(), job.attempt(), plans.steps(recipe, unit.keys(), nvs), nvs));
        }
    }

    private ProvisionJob job(Unit unit, Recipe recipe, String jobId, int attempt, List<JobStep> steps, UnitNvs nvs) {
        return new ProvisionJob(jobId, unit.mac(), unit.chip(), unit.stationId(), unit.jigId(), unit.workOrderId(),
                unit.recipeId(), attempt, unit.keyMaterialRequestId(), plans.images(recipe), unit.keys(), steps, nvs);
    }

    /**
     * The unit's rendered partition, or empty after holding the unit because it cannot be rendered: a unit keyed
     * without a certificate (or without a lot) would otherwise get a job the station refuses.
     */
    private Optional<Rendered> render(Decision d, Recipe recipe) {
        Unit u = d.unit();
        try {
            return Optional.of(new Rendered(plans.nvs(recipe, new NvsRenderer.UnitFacts(u.mac(), u.chip(), u.lot(),
                    u.workOrderId(), u.recipeId()), u.certificatePem())));
        } catch (IllegalArgumentException e) {
            d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD, Map.of("recipe", recipe.id(), "problem",
                    e.getMessage()), null);
            return Optional.empty();
        }
    }

    /** A rendering that succeeded; {@code nvs} is null when the recipe has no NVS template. */
    private record Rendered(UnitNvs nvs) {
    }
}
