package io.fuseline.orchestrator.lifecycle;

/**
 * The lifecycle's tunables, handed in by the service's configuration.
 *
 * @param maxAttempts how many jobs a unit may get in total: a transient failure before the first irreversible
 *                    step starts a new attempt until this many were used, then the unit is quarantined
 *                    (RETRIES_EXHAUSTED)
 */
public record LifecyclePolicy(int maxAttempts) {
    public LifecyclePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }
}
