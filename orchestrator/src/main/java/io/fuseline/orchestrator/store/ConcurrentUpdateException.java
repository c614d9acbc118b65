package io.fuseline.orchestrator.store;

/**
 * Another transaction (this instance or another) changed the unit since it was read: the optimistic version check
 * failed. The whole event is handled again from a fresh read; nothing of the failed attempt was committed.
 */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
