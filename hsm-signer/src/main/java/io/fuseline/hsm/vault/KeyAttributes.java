package io.fuseline.hsm.vault;

import io.fuseline.hsm.policy.KeyPolicy;

/**
 * A key's protection as the vault reports it (PKCS#11: read back from the token, not from the template).
 *
 * @param token            CKA_TOKEN: persistent
 * @param sensitive        CKA_SENSITIVE: the value cannot be read in plaintext
 * @param alwaysSensitive  CKA_ALWAYS_SENSITIVE: it never could
 * @param extractable      CKA_EXTRACTABLE: it may leave the vault wrapped
 * @param neverExtractable CKA_NEVER_EXTRACTABLE: it never could
 * @param local            CKA_LOCAL: generated inside the vault (false for an enrolled station key)
 */
public record KeyAttributes(boolean token, boolean sensitive, boolean alwaysSensitive, boolean extractable,
                            boolean neverExtractable, boolean local) {

    /** What a key generated under {@code policy} must report. */
    public static KeyAttributes expectedFor(KeyPolicy policy) {
        return new KeyAttributes(policy.token(), policy.sensitive(), policy.sensitive(), policy.extractable(),
                !policy.extractable(), true);
    }

    /** An imported public key (an enrolled station). */
    public static KeyAttributes importedPublic() {
        return new KeyAttributes(true, false, false, false, false, false);
    }
}
