package io.fuseline.orchestrator.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;

/**
 * The audit export: UTF-8 text, one JSON object per line (docs/audit-export.md). Line 1 is the header
 * ({@code "type":"header"}); then every record of the range in chain order ({@code "type":"record"}: its
 * {@code recordHash} and the hashed {@code record} itself, whose canonical JSON the hash covers), each signed
 * checkpoint right after the record it signs ({@code "type":"checkpoint"}). Pure; thread-safe.
 */
public final class ExportFormat {
    public static final String FORMAT = "fuseline-audit-export";
    public static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormat() {
    }

    /** The header: what the file claims to hold (nothing in it is trusted by the verifier but the range). */
    public static String header(Instant from, Instant to, Instant exportedAt, long firstSequence, long lastSequence,
                                long records) {
        ObjectNode h = JSON.createObjectNode().put("type", "header").put("format", FORMAT).put("version", VERSION)
                .put("exportedAt", exportedAt.toString()).put("firstSequence", firstSequence)
                .put("lastSequence", lastSequence).put("records", records);
        h.put("from", from == null ? null : from.toString());
        h.put("to", to == null ? null : to.toString());
        return h.toString();
    }

    /** One record line from the stored canonical JSON (which is embedded as the JSON object it is). */
    public static String record(String recordHash, String canonicalJson) {
        ObjectNode line = JSON.createObjectNode().put("type", "record").put("recordHash", recordHash);
        line.set("record", parse(canonicalJson));
        return line.toString();
    }

    public static String checkpoint(StoredCheckpoint c) {
        return JSON.createObjectNode().put("type", "checkpoint").put("sequence", c.sequence())
                .put("recordHash", c.recordHash()).put("keyId", c.keyId()).put("algorithm", c.algorithm())
                .put("signature", Base64.getEncoder().encodeToString(c.signature()))
                .put("signedAt", c.signedAt().toString()).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }
}
