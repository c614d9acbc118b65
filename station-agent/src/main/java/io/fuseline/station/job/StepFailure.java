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

    /**
     * For an operator's log line: the reason, the detail and, when the step compared something, what it expected and
     * what it read back (a failure without a comparison says no "expected null").
     */
    String describe() {
        String compared = expected == null && actual == null ? ""
                : " (expected " + (expected == null ? "-" : expected) + ", read " + (actual == null ? "-" : actual)
                + ")";
        return reason + ": " + getMessage() + compared;
    }
}
