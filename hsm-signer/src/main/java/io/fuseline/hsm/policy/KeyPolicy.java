package io.fuseline.hsm.policy;

/**
 * The attributes a key of a given role must carry in the vault, in PKCS#11 terms (a software token enforces the same
 * meaning). A PKCS#11 template is built from this record, never by hand.
 *
 * @param sensitive          CKA_SENSITIVE: the value can never be read in plaintext
 * @param extractable        CKA_EXTRACTABLE: the key may leave the token at all (then only wrapped)
 * @param wrapOnlyForStation the key may leave only wrapped under an enrolled station's key (CKA_WRAP_WITH_TRUSTED)
 * @param token              CKA_TOKEN: persistent on the token rather than a session object
 * @param destroyAfterUse    the key is destroyed (or escrowed by recipe) once the unit's burn is verified
 */
public record KeyPolicy(boolean sensitive, boolean extractable, boolean wrapOnlyForStation, boolean token,
                        boolean destroyAfterUse) {

    public KeyPolicy {
        if (extractable && !wrapOnlyForStation) {
            throw new IllegalArgumentException("an extractable key must be wrap-only: plaintext export is never allowed");
        }
        if (!sensitive && extractable) {
            throw new IllegalArgumentException("an extractable key must still be sensitive");
        }
    }

    /** The one policy for each role (docs/key-policy.md). */
    public static KeyPolicy of(KeyRole role) {
        return switch (role) {
            // Never leave the vault: signing keys are the root of trust of every unit ever shipped.
            case SECURE_BOOT_SIGNING, FACTORY_CA, AUDIT_CHECKPOINT -> new KeyPolicy(true, false, false, true, false);
            // A public key only; nothing secret to protect, kept so a station can be revoked.
            case STATION_ENROLLMENT -> new KeyPolicy(false, false, false, true, false);
            // Per-device secrets travel once, wrapped for one station, and are then destroyed or escrowed.
            case DEVICE_FLASH_ENCRYPTION, DEVICE_HMAC, DEVICE_NVS_ENCRYPTION, DEVICE_IDENTITY ->
                    new KeyPolicy(true, true, true, true, true);
        };
    }
}
