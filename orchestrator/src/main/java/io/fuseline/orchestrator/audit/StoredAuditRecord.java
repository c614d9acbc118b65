package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of the audit log as stored: the searchable columns and the canonical JSON that {@code recordHash} covers.
 * A verifier trusts none of the columns until it has checked them against the canonical text.
 */
public record StoredAuditRecord(long sequence, String previousHash, String recordHash, String actor, String action,
                                String subject, JsonNode payload, Instant time, String canonicalJson) {
}
