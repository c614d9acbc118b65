package io.fuseline.hsm.vault;

import java.util.Objects;

/**
 * What a vault says about one key; never the key itself. Safe to log.
 *
 * @param label      role and name
 * @param type       algorithm, decided by the role
 * @param length     bytes of a secret key; 0 for key pairs
 * @param requestId  the request (or ceremony step) that created the key; the vault stores it with the key
 *                   (PKCS#11 {@code CKA_ID}) so a repeated request finds its own keys
 * @param kcv        key check value (docs/key-policy.md): of the secret, or of the public key for a key pair
 * @param attributes the protection the vault reports
 */
public record VaultKey(KeyLabel label, KeyType type, int length, String requestId, String kcv,
                       KeyAttributes attributes) {
    public VaultKey {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(kcv, "kcv");
        Objects.requireNonNull(attributes, "attributes");
    }
}
