package io.fuseline.schemas.message;

import io.fuseline.esp.efuse.KeyPurpose;
import java.util.Objects;

/** One secret asked of the vault: its kind and, for secrets burned into eFuse, the key purpose (else null). */
public record SecretSpec(SecretKind kind, KeyPurpose purpose) {
    public SecretSpec {
        Objects.requireNonNull(kind, "kind");
    }
}
