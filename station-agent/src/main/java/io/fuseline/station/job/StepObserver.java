package io.fuseline.station.job;

import io.fuseline.schemas.message.StepKind;

/**
 * Told the duration of every step the executor ran, for metrics (a Micrometer timer per step kind in the service).
 * Called from the jig's worker thread; must be quick and thread-safe.
 */
@FunctionalInterface
public interface StepObserver {

    /** A no-op observer. */
    StepObserver NONE = (kind, nanos, ok) -> { };

    /** Step of {@code kind} took {@code nanos} nanoseconds; {@code ok} is false when it failed. */
    void stepEnded(StepKind kind, long nanos, boolean ok);
}
