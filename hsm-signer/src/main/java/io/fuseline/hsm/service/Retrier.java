package io.fuseline.hsm.service;

import io.fuseline.hsm.vault.VaultException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a request until it succeeds or fails for good: a retriable {@link VaultException} (token or session gone,
 * key store unwritable) is tried again after an exponential backoff, so the request is neither lost nor
 * dead-lettered and the partition keeps its order; any other failure is returned to the caller at once. Blocks the
 * calling (worker) thread while it waits. Thread-safe.
 */
final class Retrier {
    /** How to wait; production sleeps, tests count. */
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    /** A failure outside the vault that a retry can cure (the broker did not acknowledge an answer). */
    static final class RetriableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetriableException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(Retrier.class);
    private final Duration initial;
    private final Duration max;
    private final Pause pause;

    Retrier(Duration initial, Duration max, Pause pause) {
        this.initial = initial;
        this.max = max;
        this.pause = pause;
    }

    <T> T run(String what, Supplier<T> work) {
        Duration wait = initial;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (VaultException | RetriableException e) {
                if (e instanceof VaultException v && !v.retriable()) {
                    throw e;
                }
                LOG.warnf("%s failed retriably (attempt %d, %s); trying again in %d ms", what, attempt,
                        e.getMessage(), wait.toMillis());
                try {
                    pause.pause(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            }
        }
    }
}
