package io.fuseline.schemas;

import java.util.Objects;

/**
 * A message, or the CloudEvent carrying it, broke its contract. This is the only exception the codec and the
 * validators throw for bad input; a consumer dead-letters the record with {@link #getMessage()} as the reason and
 * moves on. It is fatal for that record: retrying the same bytes fails the same way.
 *
 * <p>{@link #pointer()} names the offending field: a JSON pointer into the event data ({@code /steps/2/number},
 * or the empty string for the whole document), or the header name for an envelope attribute ({@code ce_type}).
 * Messages never quote field values that might be secret; they name fields, limits and expected shapes.
 */
public final class ContractViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of breach this is, with a stable code per kind for dashboards and runbooks. */
    public enum Kind {
        /** A required CloudEvents header is missing or malformed. */
        HEADER("FLS-101"),
        /** {@code ce_type} names no registered message type. */
        UNKNOWN_TYPE("FLS-102"),
        /** The data is not JSON. */
        MALFORMED_JSON("FLS-103"),
        /** The data does not validate against the type's JSON Schema. */
        SCHEMA("FLS-104"),
        /** The data validates against the schema but breaks a rule only the message's validator knows. */
        SEMANTIC("FLS-105"),
        /** The encoded data is larger than the codec's limit. */
        OVERSIZED("FLS-106"),
        /** A valid message of another type than the caller expected. */
        UNEXPECTED_TYPE("FLS-107");

        private final String code;

        Kind(String code) { this.code = code; }

        public String code() { return code; }
    }

    private final Kind kind;
    private final String ceType;
    private final String pointer;
    private final String reason;

    public ContractViolation(Kind kind, String ceType, String pointer, String reason) {
        super(format(kind, ceType, pointer, reason));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.ceType = ceType == null ? "" : ceType;
        this.pointer = pointer == null ? "" : pointer;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ContractViolation(Kind kind, String ceType, String pointer, String reason, Throwable cause) {
        this(kind, ceType, pointer, reason);
        initCause(cause);
    }

    private static String format(Kind kind, String ceType, String pointer, String reason) {
        String where = pointer == null || pointer.isEmpty() ? "(document)" : pointer;
        String type = ceType == null || ceType.isEmpty() ? "(no type)" : ceType;
        return kind.code() + " " + type + " " + where + ": " + reason;
    }

    public Kind kind() { return kind; }

    /** The CloudEvents type of the offending event (as received, even if unknown); empty if there was none. */
    public String ceType() { return ceType; }

    /** The offending field: a JSON pointer into the data, or a header name; empty for the whole document. */
    public String pointer() { return pointer; }

    /** Why it was refused, e.g. {@code must not be a multicast address} or {@code oversized: ...}. */
    public String reason() { return reason; }
}
