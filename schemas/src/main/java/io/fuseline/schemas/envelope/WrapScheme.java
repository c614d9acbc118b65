package io.fuseline.schemas.envelope;

import java.util.Arrays;
import java.util.Optional;

/** The wrapping schemes an envelope can name (byte 5 of its encoding). New schemes get new ids, never reuse. */
public enum WrapScheme {
    /**
     * ECDH on P-256 with an ephemeral vault key, {@code KEK = AES-256-ECB(Z, SHA-256(domain || header))}, then
     * AES key wrap with padding (RFC 5649). See the package documentation.
     */
    ECDH_P256_KWP_V1(1);

    private final int id;

    WrapScheme(int id) {
        this.id = id;
    }

    /** The id written in the envelope. */
    public int id() {
        return id;
    }

    public static Optional<WrapScheme> ofId(int id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }
}
