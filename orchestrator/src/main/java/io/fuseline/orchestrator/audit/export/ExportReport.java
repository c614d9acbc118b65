package io.fuseline.orchestrator.audit.export;

import java.util.OptionalLong;

/**
 * The verdict on an export file: how many records and checkpoints were checked, how many records at the end no
 * checkpoint covers (intact as a chain, but not yet signed), and when it fails, the record it fails at (if one is to
 * blame), the file line and why.
 */
public record ExportReport(long records, int checkpoints, long unsignedTail, OptionalLong brokenAt, int line,
                           String problem) {

    static ExportReport intact(long records, int checkpoints, long unsignedTail) {
        return new ExportReport(records, checkpoints, unsignedTail, OptionalLong.empty(), 0, null);
    }

    static ExportReport broken(long records, int checkpoints, Long sequence, int line, String problem) {
        return new ExportReport(records, checkpoints, 0, sequence == null ? OptionalLong.empty()
                : OptionalLong.of(sequence), line, problem);
    }

    public boolean ok() {
        return problem == null;
    }

    @Override
    public String toString() {
        if (ok()) {
            return "audit export verified: " + records + " records, " + checkpoints + " signed checkpoints"
                    + (unsignedTail > 0 ? "; the last " + unsignedTail + " records are after the last checkpoint "
                    + "(chained, not yet signed)" : "");
        }
        return "audit export broken" + (brokenAt.isPresent() ? " at record " + brokenAt.getAsLong() : "")
                + (line > 0 ? " (line " + line + ")" : "") + ": " + problem;
    }
}
