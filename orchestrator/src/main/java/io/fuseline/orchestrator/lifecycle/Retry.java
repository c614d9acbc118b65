package io.fuseline.orchestrator.lifecycle;

import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.schemas.message.QuarantineReason;
import java.util.Map;

/**
 * Starts a unit's next attempt after a transient failure before any irreversible step: back to KEYED (its keys are
 * still valid, wrapped for the same station) and a new job, or RETRIES_EXHAUSTED when the policy's attempts are
 * used up.
 */
final class Retry {
    private final LifecyclePolicy policy;
    private final RecipeBook recipes;
    private final JobIssuer jobs;
    private final Ids ids;

    Retry(LifecyclePolicy policy, RecipeBook recipes, JobIssuer jobs, Ids ids) {
        this.policy = policy;
        this.recipes = recipes;
        this.jobs = jobs;
        this.ids = ids;
    }

    /**
     * Retries {@code d}'s unit after attempt {@code attempt} failed; {@code issueNow} is false when the unit left
     * its jig (the job is issued when it is identified again).
     */
    void retry(Decision d, int attempt, Map<String, String> evidence, Integer failedStep, boolean issueNow) {
        if (attempt >= policy.maxAttempts()) {
            d.quarantine(ids.next("q"), QuarantineReason.RETRIES_EXHAUSTED, withAttempts(evidence, attempt),
                    failedStep);
            return;
        }
        d.to(new UnitState.Keyed(attempt + 1), "retryAfterAttempt", attempt, "maxAttempts", policy.maxAttempts());
        if (issueNow) {
            issueOrHold(d, attempt + 1);
        }
    }

    /** Issues the unit's next job, or holds it if its recipe is gone (a line restarted with other recipes). */
    void issueOrHold(Decision d, int attempt) {
        Recipe recipe = recipes.find(d.unit().recipeId()).orElse(null);
        if (recipe == null) {
            d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD,
                    Map.of("problem", "recipe '" + d.unit().recipeId() + "' is not loaded"), null);
            return;
        }
        jobs.issue(d, recipe, attempt);
    }

    /** Sends the current job again (see {@link JobIssuer#resend}), or holds the unit if its recipe is gone. */
    void resend(Decision d, JobRef job) {
        Recipe recipe = recipes.find(d.unit().recipeId()).orElse(null);
        if (recipe == null) {
            d.quarantine(ids.next("q"), QuarantineReason.OPERATOR_HOLD,
                    Map.of("problem", "recipe '" + d.unit().recipeId() + "' is not loaded"), null);
            return;
        }
        jobs.resend(d, recipe, job);
    }

    private Map<String, String> withAttempts(Map<String, String> evidence, int attempt) {
        var all = new java.util.TreeMap<>(evidence);
        all.put("attempts", Integer.toString(attempt));
        all.put("maxAttempts", Integer.toString(policy.maxAttempts()));
        return all;
    }
}
