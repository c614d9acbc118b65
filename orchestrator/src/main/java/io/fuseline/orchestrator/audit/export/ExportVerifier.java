package io.fuseline.orchestrator.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.CanonicalJson;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an export offline with the audit key's public key: the records form an unbroken chain from the header's
 * first sequence (each hashes to its hash and names its predecessor's), every checkpoint's signature verifies and
 * names the hash of the record it signs. Reports the first record at fault: an altered record (its hash, or a
 * checkpoint over it), a deleted one (missing), a moved one (out of order). A rewrite that recomputes every later
 * hash is caught at the next checkpoint; records after the last checkpoint are chained but unsigned (reported).
 * Pure; thread-safe.
 */
public final class ExportVerifier {

    private record Line(int number, JsonNode json) {
    }

    public ExportReport verify(List<String> lines, PublicKey auditKey) {
        if (lines.isEmpty()) {
            return ExportReport.broken(0, 0, null, 1, "the file is empty (no header)");
        }
        JsonNode header;
        try {
            header = ExportFormat.parse(lines.get(0));
        } catch (RuntimeException e) {
            return ExportReport.broken(0, 0, null, 1, "the header is not JSON");
        }
        if (!ExportFormat.FORMAT.equals(header.path("format").asText())
                || header.path("version").asInt() != ExportFormat.VERSION) {
            return ExportReport.broken(0, 0, null, 1, "not a " + ExportFormat.FORMAT + " v" + ExportFormat.VERSION
                    + " file");
        }
        List<Line> records = new ArrayList<>();
        List<Line> checkpoints = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = ExportFormat.parse(lines.get(i));
            } catch (RuntimeException e) {
                return ExportReport.broken(records.size(), 0, null, i + 1, "the line is not JSON");
            }
            switch (json.path("type").asText()) {
                case "record" -> records.add(new Line(i + 1, json));
                case "checkpoint" -> checkpoints.add(new Line(i + 1, json));
                default -> {
                    return ExportReport.broken(records.size(), 0, null, i + 1, "unknown line type '"
                            + json.path("type").asText() + "'");
                }
            }
        }
        ExportReport chain = chain(header, records);
        if (chain != null) {
            return chain;
        }
        return signatures(records, checkpoints, auditKey);
    }

    private ExportReport chain(JsonNode header, List<Line> records) {
        long expected = header.path("firstSequence").asLong();
        long last = header.path("lastSequence").asLong(expected - 1);
        Map<Long, Integer> lineOf = new HashMap<>();
        for (Line r : records) {
            lineOf.putIfAbsent(r.json().path("record").path("sequence").asLong(-1), r.number());
        }
        String previous = expected == 0 ? AuditHash.GENESIS : null;
        long checked = 0;
        for (Line r : records) {
            JsonNode body = r.json().path("record");
            long seq = body.path("sequence").asLong(-1);
            if (seq != expected) {
                Integer elsewhere = lineOf.get(expected);
                return ExportReport.broken(checked, 0, expected, elsewhere == null ? r.number() : elsewhere,
                        elsewhere == null ? "the record is missing (deleted)"
                                : "the record is out of order (expected before line " + r.number() + ")");
            }
            String hash;
            try {
                hash = AuditHash.sha256(CanonicalJson.of(body));
            } catch (IllegalArgumentException e) {
                return ExportReport.broken(checked, 0, seq, r.number(), "the record is not canonical audit JSON");
            }
            if (!hash.equals(r.json().path("recordHash").asText())) {
                return ExportReport.broken(checked, 0, seq, r.number(),
                        "its content does not hash to its record hash (the record was altered)");
            }
            String named = body.path("previousHash").asText();
            if (previous != null && !previous.equals(named)) {
                return ExportReport.broken(checked, 0, seq, r.number(), "it does not follow the hash of record "
                        + (seq - 1) + " (records reordered or replaced)");
            }
            previous = hash;
            expected++;
            checked++;
        }
        if (expected <= last) {
            return ExportReport.broken(checked, 0, expected, 0, "the record is missing (deleted): the header says "
                    + "the export runs to record " + last);
        }
        return null;
    }

    private ExportReport signatures(List<Line> records, List<Line> checkpoints, PublicKey key) {
        Map<Long, String> hashes = new HashMap<>();
        long lastRecord = -1;
        for (Line r : records) {
            lastRecord = r.json().path("record").path("sequence").asLong();
            hashes.put(lastRecord, r.json().path("recordHash").asText());
        }
        long lastSigned = records.isEmpty() ? -1 : records.get(0).json().path("record").path("sequence").asLong() - 1;
        for (Line c : checkpoints) {
            JsonNode j = c.json();
            long seq = j.path("sequence").asLong(-1);
            String hash = j.path("recordHash").asText();
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(j.path("signature").asText());
            } catch (IllegalArgumentException e) {
                return ExportReport.broken(records.size(), 0, seq, c.number(), "the checkpoint's signature is not base64");
            }
            if (!CheckpointStatement.ALGORITHM.equals(j.path("algorithm").asText())
                    || !CheckpointStatement.verify(key, seq, hash, signature)) {
                return ExportReport.broken(records.size(), 0, seq, c.number(),
                        "the checkpoint's signature does not verify with the given public key");
            }
            String recorded = hashes.get(seq);
            if (recorded != null && !recorded.equals(hash)) {
                return ExportReport.broken(records.size(), 0, seq, c.number(), "the record differs from the one "
                        + "its signed checkpoint covers (the record or one before it was rewritten)");
            }
            lastSigned = Math.max(lastSigned, seq);
        }
        return ExportReport.intact(records.size(), checkpoints.size(), Math.max(0, lastRecord - lastSigned));
    }
}
