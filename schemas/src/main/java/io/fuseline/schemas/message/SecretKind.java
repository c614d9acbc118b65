package io.fuseline.schemas.message;

/**
 * The per-device secrets the vault generates. Only the flash-encryption and HMAC keys are burned into a key block
 * (they carry a {@code KeyPurpose}); the NVS key and the identity key are written to flash, encrypted. The Secure
 * Boot signing key is not here on purpose: it never leaves the vault.
 */
public enum SecretKind {
    FLASH_ENCRYPTION_KEY(true),
    HMAC_KEY(true),
    NVS_ENCRYPTION_KEY(false),
    DEVICE_IDENTITY_KEY(false);

    private final boolean burnedIntoEfuse;

    SecretKind(boolean burnedIntoEfuse) { this.burnedIntoEfuse = burnedIntoEfuse; }

    /** Whether the secret ends in an eFuse key block, hence needs a key purpose. */
    public boolean burnedIntoEfuse() { return burnedIntoEfuse; }
}
