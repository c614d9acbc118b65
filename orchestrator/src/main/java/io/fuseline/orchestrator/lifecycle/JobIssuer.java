package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.JobPlanBuilder;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import java.util.List;

/** Builds a unit's next job from its recipe and wrapped keys, and moves it from KEYED to JOB_ISSUED. */
final class JobIssuer {
    private final JobPlanBuilder plans = new JobPlanBuilder();
    private final Ids ids;

    JobIssuer(Ids ids) {
        this.ids = ids;
    }

    /** Issues attempt {@code attempt} to the unit's station; the unit must hold its keys. */
    void issue(Decision d, Recipe recipe, int attempt) {
        Unit unit = d.unit();
        List<JobStep> steps = plans.steps(recipe, unit.keys());
        int firstIrreversible = steps.stream().filter(JobStep::irreversible).mapToInt(JobStep::number).findFirst()
                .orElse(steps.size() + 1);
        JobRef job = new JobRef(ids.next("job"), attempt, unit.keyMaterialRequestId(), steps.size(), firstIrreversible,
                0, plans.burnedKeyIds(recipe, unit.keys()));
        d.command(new ProvisionJob(job.jobId(), unit.mac(), unit.chip(), unit.stationId(), unit.jigId(),
                unit.workOrderId(), unit.recipeId(), attempt, unit.keyMaterialRequestId(), plans.images(recipe),
                unit.keys(), steps));
        d.to(new UnitState.JobIssued(job), "jobId", job.jobId(), "attempt", attempt, "steps", steps.size(),
                "firstIrreversibleStep", firstIrreversible);
    }

    /**
     * Sends the unit's current job {@code job} again, same id and attempt, without a new attempt: the station may
     * have lost it in a restart, and one that still holds it runs it once (it ignores a job id it has seen).
     */
    void resend(Decision d, Recipe recipe, JobRef job) {
        Unit unit = d.unit();
        d.command(new ProvisionJob(job.jobId(), unit.mac(), unit.chip(), unit.stationId(), unit.jigId(),
                unit.workOrderId(), unit.recipeId(), job.attempt(), unit.keyMaterialRequestId(), plans.images(recipe),
                unit.keys(), plans.steps(recipe, unit.keys())));
    }
}
