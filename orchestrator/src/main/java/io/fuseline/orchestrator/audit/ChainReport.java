package io.fuseline.orchestrator.audit;

import java.util.OptionalLong;

/**
 * The result of verifying an audit chain: how many records were checked, and when the chain is broken, the
 * sequence number at which it breaks (the first record that was altered, follows a deleted record, or is out of
 * order) and why.
 */
public record ChainReport(long recordsChecked, OptionalLong brokenAt, String problem, String headHash) {

    public static ChainReport intact(long records, String headHash) {
        return new ChainReport(records, OptionalLong.empty(), null, headHash);
    }

    public static ChainReport broken(long records, long sequence, String problem) {
        return new ChainReport(records, OptionalLong.of(sequence), problem, null);
    }

    public boolean ok() { return brokenAt.isEmpty(); }

    @Override
    public String toString() {
        return ok() ? "audit chain intact: " + recordsChecked + " records, head " + headHash
                : "audit chain broken at record " + brokenAt.getAsLong() + ": " + problem;
    }
}
