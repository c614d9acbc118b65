package io.fuseline.orchestrator.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * The job a unit is on: its id and attempt (1, 2, ... per unit), the key material it uses, the number of steps,
 * the number of its first irreversible step ({@code stepCount + 1} when it has none), the last step the station
 * reported complete (0 before any) and the ids of the keys its BURN_KEY steps burn.
 */
public record JobRef(String jobId, int attempt, String keyMaterialRequestId, int stepCount, int firstIrreversibleStep,
                     int lastCompletedStep, List<String> burnedKeyIds) {
    public JobRef {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(keyMaterialRequestId, "keyMaterialRequestId");
        burnedKeyIds = List.copyOf(burnedKeyIds);
    }

    public JobRef completed(int step) {
        return new JobRef(jobId, attempt, keyMaterialRequestId, stepCount, firstIrreversibleStep,
                Math.max(step, lastCompletedStep), burnedKeyIds);
    }

    /** Whether step {@code step} or an earlier one is irreversible, i.e. eFuses may have been burned by then. */
    public boolean irreversibleBy(int step) {
        return step >= firstIrreversibleStep;
    }
}
