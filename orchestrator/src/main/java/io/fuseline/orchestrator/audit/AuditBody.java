package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A record's canonical body prepared before its place in the chain is known: everything but {@code previousHash}
 * and {@code sequence}, already in canonical form. Appenders prepare bodies before they lock the chain's head, so
 * that under the lock only the two members are spliced in and the text hashed. The members sort as
 * {@code action, actor, payload, previousHash, sequence, subject, time}, so the two go between two precomputed
 * halves; {@link #canonical} is equal to {@code CanonicalJson.of(AuditHash.body(...))} for the same values.
 */
public final class AuditBody {
    private final String actor;
    private final String action;
    private final String subject;
    private final JsonNode payload;
    private final Instant time;
    private final String before;
    private final String after;

    private AuditBody(String actor, String action, String subject, JsonNode payload, Instant time, String before,
                      String after) {
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.payload = payload;
        this.time = time;
        this.before = before;
        this.after = after;
    }

    /**
     * Prepares a body; {@code time} is truncated to microseconds (PostgreSQL's precision) first.
     *
     * @throws IllegalArgumentException if the payload holds a floating-point number or another non-JSON value
     */
    public static AuditBody of(String actor, String action, String subject, JsonNode payload, Instant time) {
        Instant t = time.truncatedTo(ChronoUnit.MICROS);
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        head.put("action", action);
        head.put("actor", actor);
        head.set("payload", payload);
        ObjectNode tail = JsonNodeFactory.instance.objectNode();
        tail.put("subject", subject);
        tail.put("time", t.toString());
        String h = CanonicalJson.of(head);
        String a = CanonicalJson.of(tail);
        return new AuditBody(actor, action, subject, payload, t,
                h.substring(0, h.length() - 1) + ",\"previousHash\":\"", "," + a.substring(1));
    }

    /** The canonical text of the body at {@code sequence} after the record whose hash is {@code previousHash}. */
    public String canonical(long sequence, String previousHash) {
        // A hash is lowercase hex and a sequence a plain integer: neither needs escaping.
        return before + previousHash + "\",\"sequence\":" + sequence + after;
    }

    public String actor() { return actor; }

    public String action() { return action; }

    public String subject() { return subject; }

    public JsonNode payload() { return payload; }

    /** The record's time, truncated to microseconds. */
    public Instant time() { return time; }
}
