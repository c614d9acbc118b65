package io.fuseline.schemas.message;

import java.util.Objects;

/**
 * One step of a {@link ProvisionJob}. {@code number} runs 1..n in list order. {@code irreversible} is carried in
 * the JSON for readers that do not share our enum, and must equal {@code kind.irreversible()}: build steps with
 * {@link #of} so it always does.
 */
public record JobStep(int number, StepKind kind, boolean irreversible, StepParams params) {
    public JobStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
    }

    /** A step whose irreversible flag is derived from its kind. */
    public static JobStep of(int number, StepKind kind, StepParams params) {
        return new JobStep(number, kind, kind.irreversible(), params);
    }
}
