package io.fuseline.orchestrator.lifecycle;

/**
 * The name of each {@link UnitState}, one constant per permitted record. Java 17 has no pattern-matching
 * {@code switch}, so transitions switch over this enum in switch <em>expressions</em>: adding a constant without
 * handling it in every transition does not compile ({@code UnitStateTest} keeps records and constants one to one).
 */
public enum StateKind {
    IDENTIFIED, KEYED, JOB_ISSUED, FLASHING, FUSES_BURNING, VERIFIED, PROVISIONED, QUARANTINED, RELEASED;

    /** Whether a job may be running on the unit (the station-silence check looks at these only). */
    public boolean inJob() {
        return switch (this) {
            case JOB_ISSUED, FLASHING, FUSES_BURNING -> true;
            case IDENTIFIED, KEYED, VERIFIED, PROVISIONED, QUARANTINED, RELEASED -> false;
        };
    }
}
