package io.fuseline.esp.secureboot;

/** What verifying a signed image found. Blocks are numbered 0..2 in the signature sector. */
public sealed interface Verification {
    /** True only for {@link Verified}. */
    default boolean ok() {
        return this instanceof Verified;
    }

    /** Block {@code block} verifies. */
    record Verified(int block) implements Verification {
    }

    /** Block {@code block} claims another image digest than the image has: the image was altered. */
    record ImageDigestMismatch(int block) implements Verification {
    }

    /** No valid block verifies with the key(s) given. */
    record NotVerified(String reason) implements Verification {
    }
}
