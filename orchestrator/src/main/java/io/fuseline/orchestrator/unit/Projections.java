package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.Unit;
import io.fuseline.orchestrator.lifecycle.UnitState;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.orchestrator.metrics.UnitMetrics;
import io.fuseline.orchestrator.store.RegistryProjection;
import io.fuseline.orchestrator.store.RegistryBatch;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Decides which registry facts an event and its outcome add: jobs, steps, fuse burns, custody, quarantine cases. */
@ApplicationScoped
class Projections {
    private final RegistryProjection registry;
    private final RecipeBook recipes;

    private final UnitMetrics metrics;

    Projections(RegistryProjection registry, RecipeBook recipes, UnitMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.recipes = recipes;
    }

    /** A collector of the rows one batch of events adds; {@link RegistryBatch#flush()} it before commit. */
    RegistryBatch batch() {
        return registry.batch();
    }

    /** Records what {@code event} adds: the common rows go to {@code rows}, the rare ones are written at once. */
    void record(FuselineMessage event, Optional<Unit> before, Outcome outcome, Instant now, RegistryBatch rows) {
        Unit after = outcome.unit();
        if (event instanceof StepStarted s) {
            rows.started(s, now);
        } else if (event instanceof StepCompleted c) {
            rows.completed(c, after.state().kind() == StateKind.PROVISIONED, now);
            metrics.stepDuration(c.kind().name(), c.durationMillis());
        } else if (event instanceof StepFailed f) {
            // Written at once, over the job's and step's rows: what the batch noted of them goes first.
            rows.flush();
            registry.stepFailed(f, now);
        } else if (event instanceof FuseBurned b) {
            rows.burned(b, now);
        } else if (event instanceof KeyMaterialIssued k && !after.keys().isEmpty()
                && before.map(u -> u.keys().isEmpty()).orElse(false)) {
            rows.keysIssued(k, now);
        }
        String previousJob = before.flatMap(u -> u.state().job()).map(j -> j.jobId()).orElse(null);
        for (FuselineMessage command : outcome.commands()) {
            if (command instanceof ProvisionJob job) {
                if (previousJob != null) {
                    rows.flush();
                    registry.jobAbandoned(previousJob, now);
                }
                rows.jobIssued(job, now);
            } else if (command instanceof QuarantineOrdered q) {
                registry.quarantined(q, now);
                // Keys possibly in the chip are escrowed (an investigation may need them); others are destroyed.
                rows.custodyDisposition(q.mac().toString(), q.irreversibleStepsDone() ? "ESCROW" : "DESTROY", now);
            }
        }
        if (after.state() instanceof UnitState.Provisioned && !before.map(u -> u.state().kind()
                == StateKind.PROVISIONED).orElse(false)) {
            String policy = recipes.find(after.recipeId()).map(r -> r.keyPolicy().name()).orElse("DESTROY");
            rows.custodyDisposition(after.mac().toString(), policy, now);
        }
    }
}
