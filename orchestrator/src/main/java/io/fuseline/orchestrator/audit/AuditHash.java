package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a record's hash covers and how it is computed: SHA-256 (lowercase hex) of the UTF-8 canonical JSON of
 * {@code {action, actor, payload, previousHash, sequence, subject, time}}, i.e. every member of the record except the
 * hash itself. Including {@code sequence} and {@code previousHash} is what makes a deleted or reordered record
 * detectable, not only an altered one.
 */
public final class AuditHash {
    /** The previous hash of record 0. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The body that is hashed, as a JSON object (its canonical text is what is stored). */
    public static ObjectNode body(long sequence, String previousHash, String actor, String action, String subject,
                                  JsonNode payload, Instant time) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("sequence", sequence);
        body.put("previousHash", previousHash);
        body.put("actor", actor);
        body.put("action", action);
        body.put("subject", subject);
        body.set("payload", payload);
        body.put("time", time.toString());
        return body;
    }

    /**
     * The whole record as JSON, as {@code fuseline.audit} carries it: the stored canonical body with
     * {@code recordHash} added as its first member (a JSON object's members have no order, so this is the same value
     * as the record serialised from its fields, without parsing and re-writing the body).
     */
    public static String recordJson(String canonicalBody, String recordHash) {
        if (canonicalBody.length() < 2 || canonicalBody.charAt(0) != '{' || canonicalBody.charAt(1) != '"') {
            throw new IllegalArgumentException("not the canonical body of an audit record: "
                    + canonicalBody.substring(0, Math.min(80, canonicalBody.length())));
        }
        if (recordHash.length() != 64
                || !recordHash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + recordHash);
        }
        return "{\"recordHash\":\"" + recordHash + "\"," + canonicalBody.substring(1);
    }

    public static String sha256(String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
