package io.fuseline.schemas.message;

/** What happens to a unit released from quarantine. */
public enum Disposition {
    /** Back on a jig as is: it will be re-identified and provisioned again if its eFuses allow. */
    RETEST,
    /** Sent to rework (for example a new module on the board) before it comes back. */
    REWORK,
    /** Destroyed; its escrowed keys may be destroyed too. */
    SCRAP
}
