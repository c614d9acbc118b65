package io.fuseline.hsm.custody;

/** Where custody events go: the {@link CustodyLedger}, or nowhere (tools and tests that keep no ledger). */
@FunctionalInterface
public interface CustodyRecorder {
    /** Records nothing. */
    CustodyRecorder NONE = event -> { };

    void record(CustodyEvent event);
}
