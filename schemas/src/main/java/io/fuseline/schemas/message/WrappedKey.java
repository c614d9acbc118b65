package io.fuseline.schemas.message;

import io.fuseline.esp.efuse.KeyPurpose;
import java.util.Objects;

/**
 * One per-device secret, wrapped under the public key of the station it is issued to. {@code envelope} is the
 * base64 of the key envelope (its format is defined by the key-envelope contract); {@code kcv} is the key check
 * value (lowercase hex) that the station compares after unwrapping. Never plaintext: nothing in this record is
 * secret, which is why it may be logged.
 */
public record WrappedKey(String keyId, SecretKind kind, KeyPurpose purpose, String kcv, String envelope) {
    public WrappedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kcv, "kcv");
        Objects.requireNonNull(envelope, "envelope");
    }
}
