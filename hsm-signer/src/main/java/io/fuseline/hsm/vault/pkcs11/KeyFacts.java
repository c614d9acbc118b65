package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * What the vault read from one key object on the token, kept in the {@link LabelIndex} beside its handle. True for as
 * long as the handle names the object: every key is created with CKA_MODIFIABLE false, so neither its value (hence
 * its check value) nor its protection can change.
 *
 * @param key       the description the vault reports
 * @param publicKey the public half of a key pair or an enrolled station key; null for a secret
 */
record KeyFacts(VaultKey key, PublicKey publicKey) {
    KeyFacts {
        Objects.requireNonNull(key, "key");
    }
}
