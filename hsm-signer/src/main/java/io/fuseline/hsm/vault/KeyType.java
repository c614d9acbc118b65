package io.fuseline.hsm.vault;

import io.fuseline.hsm.policy.KeyRole;

/** What kind of key a role uses; decided by the role alone, so no caller picks an algorithm. */
public enum KeyType {
    /** RSA-3072, public exponent 65537: Secure Boot V2 signing (PSS, SHA-256, MGF1-SHA-256, salt 32). */
    RSA_3072,
    /** EC on NIST P-256: the factory CA, the audit key, stations, device identities. */
    EC_P256,
    /** A secret of a given length (PKCS#11 CKK_GENERIC_SECRET): flash-encryption, HMAC and NVS keys. */
    SECRET;

    public static KeyType of(KeyRole role) {
        return switch (role) {
            case SECURE_BOOT_SIGNING -> RSA_3072;
            case FACTORY_CA, AUDIT_CHECKPOINT, STATION_ENROLLMENT, DEVICE_IDENTITY -> EC_P256;
            case DEVICE_FLASH_ENCRYPTION, DEVICE_HMAC, DEVICE_NVS_ENCRYPTION -> SECRET;
        };
    }
}
