package io.fuseline.schemas.message;

import java.util.Set;

/**
 * What one step of a provisioning job does. Reversible steps (flash writes and their verification) can be redone;
 * irreversible ones burn eFuses and cannot be undone, so a job runs every reversible step first. Each irreversible
 * step includes its own read-back verification.
 */
public enum StepKind {
    /** Writes an image at an address, encrypting it on the fly when a flash-encryption {@code keyId} is given. */
    WRITE_FLASH(false, Set.of("address", "image", "imageDigest"), Set.of("keyId")),
    /** Reads the region back and compares its MD5 with the one of the image as written. */
    VERIFY_FLASH(false, Set.of("address", "image", "imageDigest"), Set.of("keyId")),
    /** Irreversible: burns a key into a key block (and its KEY_PURPOSE_n on S3/C3), then reads it back. */
    BURN_KEY(true, Set.of("keyBlock", "keyPurpose", "keyId"), Set.of()),
    /**
     * Irreversible: burns the Secure Boot V2 public-key digest into a key block (with its purpose on S3/C3), then
     * reads it back. The digest is public; the signing key it belongs to never leaves the vault.
     */
    BURN_SECURE_BOOT_DIGEST(true, Set.of("keyBlock", "keyPurpose", "keyDigest"), Set.of()),
    /** Irreversible: burns a value into a named eFuse field, then reads it back. */
    BURN_EFUSE(true, Set.of("efuseField", "efuseValue"), Set.of()),
    /** Irreversible: sets the RD_DIS bit protecting a field (a key block), so software can no longer read it. */
    READ_PROTECT(true, Set.of("efuseField"), Set.of()),
    /** Irreversible: sets the WR_DIS bit protecting a field, so it can no longer be changed. */
    WRITE_PROTECT(true, Set.of("efuseField"), Set.of());

    private final boolean irreversible;
    private final Set<String> requiredParams;
    private final Set<String> optionalParams;

    StepKind(boolean irreversible, Set<String> requiredParams, Set<String> optionalParams) {
        this.irreversible = irreversible;
        this.requiredParams = requiredParams;
        this.optionalParams = optionalParams;
    }

    /** True for the steps that burn eFuses: once one has run, a failure means quarantine, not retry. */
    public boolean irreversible() { return irreversible; }

    /** The {@code params} members (JSON names) this kind needs. */
    public Set<String> requiredParams() { return requiredParams; }

    /** The {@code params} members this kind accepts besides the required ones; any other member is refused. */
    public Set<String> optionalParams() { return optionalParams; }

    /** Whether this kind protects a field burned by an earlier step (read- or write-protect). */
    public boolean protectsField() { return this == READ_PROTECT || this == WRITE_PROTECT; }
}
