package io.fuseline.orchestrator.store;

/** A database operation failed; the message names the table and the unit or row concerned. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
