package io.fuseline.station.job;

import io.fuseline.schemas.message.FailureReason;

/**
 * Why a step failed, typed, with both sides of a comparison when there is one. Internal to the job package: the
 * executor turns it into a {@code StepFailed} event. Holds no key material (messages quote key check values only)
 * and carries no stack trace, so it can be logged as is.
 */
final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final String expected;
    private final String actual;

    StepFailure(FailureReason reason, String expected, String actual, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.expected = expected;
        this.actual = actual;
    }

    static StepFailure of(FailureReason reason, String detail) {
        return new StepFailure(reason, null, null, detail);
    }

    FailureReason reason() { return reason; }

    String expected() { return expected; }

    String actual() { return actual; }
}
