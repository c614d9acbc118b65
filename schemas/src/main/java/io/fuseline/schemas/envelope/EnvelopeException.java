package io.fuseline.schemas.envelope;

/**
 * An envelope could not be read or opened. Carries a {@link Reason} to act on and a message that names no secret;
 * it has no cause and no stack trace, since every reason is an expected outcome (a wrong station, a damaged
 * record), not a bug.
 */
public final class EnvelopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, stably: stations map these to step failures. */
    public enum Reason {
        /** The bytes are not an envelope of a known version (truncated, wrong magic, bad lengths). */
        MALFORMED,
        /** The envelope names a wrapping scheme this code does not know. */
        UNSUPPORTED_SCHEME,
        /** The envelope was wrapped for another station's key. */
        WRONG_STATION,
        /** The key-wrap integrity check failed: a wrong private key, or the envelope was altered. */
        UNWRAP_FAILED,
        /** The unwrapped secret does not match the envelope's key check value. */
        KCV_MISMATCH,
        /** The unwrapped identity key does not belong to the certified public key. */
        KEY_MISMATCH,
        /** An identity key can be opened only against its certified public key. */
        NEEDS_CERTIFIED_KEY
    }

    private final Reason reason;

    public EnvelopeException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
