package io.fuseline.hsm.policy;

/**
 * Every kind of key the vault holds. The custody rules of ARCHITECTURE.md are attached to the role, not to a key,
 * so no code path can create, say, an extractable signing key: {@link KeyPolicy#of(KeyRole)} is the only source of
 * attributes, and docs/key-policy.md is its table.
 */
public enum KeyRole {
    /** RSA-3072 key that signs bootloader and app images for Secure Boot V2. */
    SECURE_BOOT_SIGNING,
    /** EC P-256 key of the factory CA that signs every device identity certificate. */
    FACTORY_CA,
    /** EC P-256 key that signs the audit chain's checkpoints. */
    AUDIT_CHECKPOINT,
    /** A station's enrolled public key: only the public half is in the vault; stations keep the private half. */
    STATION_ENROLLMENT,
    /** Per-device flash-encryption key (ESP32 AES-256, S3/C3 XTS-AES-128/256). */
    DEVICE_FLASH_ENCRYPTION,
    /** Per-device HMAC key (S3/C3 key block with an HMAC_* purpose: digital signature peripheral, JTAG unlock). */
    DEVICE_HMAC,
    /** Per-device NVS encryption keys (the 64-byte nvs_keys payload). */
    DEVICE_NVS_ENCRYPTION,
    /** Per-device identity key pair (EC P-256) whose certificate the factory CA issues. */
    DEVICE_IDENTITY
}
