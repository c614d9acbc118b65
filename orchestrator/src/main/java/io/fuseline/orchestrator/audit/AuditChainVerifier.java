package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Verifies a chain of audit records in the order given (by sequence): each record's canonical JSON hashes to its
 * record hash, names its own position and its predecessor's hash, and agrees with the searchable columns stored
 * beside it. Reports the first record where any of that fails: an altered record fails its hash (or its columns
 * disagree), a deleted one leaves a gap in the sequence, a reordered one names the wrong predecessor.
 *
 * <p>Pure: works on an export file as well as on the database. Thread-safe.
 */
public final class AuditChainVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Verifies records starting at the chain's genesis (sequence 0, previous hash of 64 zeros).
     */
    public ChainReport verify(Iterable<StoredAuditRecord> records) {
        return verifyFrom(0, AuditHash.GENESIS, records);
    }

    /**
     * Verifies a segment that starts at {@code firstSequence} and follows a record with hash {@code previousHash}
     * (known from a signed checkpoint, for instance).
     */
    public ChainReport verifyFrom(long firstSequence, String previousHash, Iterable<StoredAuditRecord> records) {
        long expected = firstSequence;
        String previous = previousHash;
        long checked = 0;
        for (StoredAuditRecord r : records) {
            String problem = problem(r, expected, previous);
            if (problem != null) {
                return ChainReport.broken(checked, r.sequence(), problem);
            }
            previous = r.recordHash();
            expected++;
            checked++;
        }
        return ChainReport.intact(checked, previous);
    }

    private static String problem(StoredAuditRecord r, long expected, String previous) {
        if (r.sequence() != expected) {
            return "expected record " + expected + " but found " + r.sequence()
                    + (r.sequence() > expected ? " (records deleted)" : " (records out of order)");
        }
        if (!AuditHash.sha256(r.canonicalJson()).equals(r.recordHash())) {
            return "its canonical JSON does not hash to its record hash (the record was altered)";
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(r.canonicalJson());
        } catch (IOException e) {
            return "its canonical JSON does not parse";
        }
        if (!CanonicalJson.of(body).equals(r.canonicalJson())) {
            return "its JSON is not in canonical form";
        }
        if (body.path("sequence").asLong(-1) != expected || !previous.equals(body.path("previousHash").asText())
                || !previous.equals(r.previousHash())) {
            return "it does not follow the hash of record " + (expected - 1) + " (records reordered or replaced)";
        }
        if (!body.path("action").asText().equals(r.action()) || !body.path("subject").asText().equals(r.subject())
                || !body.path("actor").asText().equals(r.actor())
                || !CanonicalJson.of(body.path("payload")).equals(CanonicalJson.of(r.payload()))
                || !body.path("time").asText().equals(r.time().toString())) {
            return "its stored columns differ from its hashed JSON (the record was altered)";
        }
        return null;
    }
}
