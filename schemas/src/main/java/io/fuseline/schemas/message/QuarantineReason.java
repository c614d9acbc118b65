package io.fuseline.schemas.message;

/** Why the orchestrator set a unit aside. A closed set: reports and runbooks are organised by it. */
public enum QuarantineReason {
    /** The MAC was already provisioned or is in progress on another jig: a clone or a mix-up. */
    DUPLICATE_MAC,
    /** The unit arrived with security eFuses already burned and no registry record explaining them. */
    SECURITY_FUSES_ALREADY_BURNED,
    /** A read-back did not match what was written. */
    VERIFICATION_MISMATCH,
    /** A step failed after the first irreversible step: the unit cannot be retried as is. */
    FAILED_AFTER_IRREVERSIBLE_STEP,
    /** Reversible steps failed more often than the recipe allows. */
    RETRIES_EXHAUSTED,
    /** The station stopped sending heartbeats while the unit was in progress. */
    STATION_SILENT,
    /** The work order's quota of units is used up. */
    QUOTA_EXCEEDED,
    /** The vault refused or failed to issue the unit's key material. */
    KEY_MATERIAL_UNAVAILABLE,
    /** An operator put the unit on hold. */
    OPERATOR_HOLD
}
