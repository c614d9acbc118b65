package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A record's canonical body prepared before its place in the chain is known. Appenders prepare bodies before they
 * lock the chain's head, so that under the lock only {@code previousHash} and {@code sequence} are spliced in and
 * the text hashed. The body is {@link AuditHash#body}'s, written once by {@link CanonicalJson} with stand-ins for
 * the two members, which sort next to each other ({@code ... payload, previousHash, sequence, subject ...}) and are
 * cut out; {@link #canonical} is therefore the canonical text of the body with the real values.
 */
public final class AuditBody {
    private static final String STAND_IN_HASH = "f".repeat(64);
    private static final String STAND_INS = "\"previousHash\":\"" + STAND_IN_HASH + "\",\"sequence\":0";

    private final String actor;
    private final String action;
    private final String subject;
    private final Instant time;
    private final String before;
    private final String after;

    private AuditBody(String actor, String action, String subject, Instant time, String before, String after) {
        this.actor = actor;
        this.action = action;
        this.subject = subject;
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
        String text = CanonicalJson.of(AuditHash.body(0, STAND_IN_HASH, actor, action, subject, payload, t));
        // The last occurrence: a payload may hold members of the same names, but it sorts before them.
        int at = text.lastIndexOf(STAND_INS);
        if (at < 0) {
            throw new IllegalStateException("the audit body no longer has previousHash and sequence side by side: "
                    + text);
        }
        return new AuditBody(actor, action, subject, t, text.substring(0, at) + "\"previousHash\":\"",
                text.substring(at + STAND_INS.length()));
    }

    /** The canonical text of the body at {@code sequence} after the record whose hash is {@code previousHash}. */
    public String canonical(long sequence, String previousHash) {
        // A hash is lowercase hex and a sequence a plain integer: neither needs escaping.
        return before + previousHash + "\",\"sequence\":" + sequence + after;
    }

    public String actor() { return actor; }

    public String action() { return action; }

    public String subject() { return subject; }

    /** The record's time, truncated to microseconds. */
    public Instant time() { return time; }
}
