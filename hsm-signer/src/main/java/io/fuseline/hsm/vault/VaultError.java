package io.fuseline.hsm.vault;

/**
 * Stable vault error codes (range HSM-1xx: requests the vault refuses; HSM-2xx: the token or key store). Each says
 * whether trying the same request again can succeed.
 */
public enum VaultError {
    KEY_NOT_FOUND("HSM-101", false, "no key with this label; check the label or run the key ceremony"),
    KEY_EXISTS("HSM-102", false, "a key with this label exists; the vault never overwrites a key"),
    STATION_NOT_ENROLLED("HSM-103", false, "the station has no enrolled key; a security officer must enroll it"),
    STATION_KEY_MISMATCH("HSM-104", false, "the station is enrolled with another key; revoke it first"),
    POLICY_REFUSED("HSM-105", false, "the key policy forbids this operation for the key's role"),
    ALREADY_ISSUED("HSM-106", false, "the device already has this key; send an explicit re-provisioning request"),
    BAD_REQUEST("HSM-107", false, "the request cannot be served as asked"),
    TOKEN_NOT_FOUND("HSM-201", false, "no token with the configured label; check the slot configuration"),
    LOGIN_FAILED("HSM-202", false, "the token refused the PIN; check the PIN file"),
    TOKEN_UNAVAILABLE("HSM-203", true, "the token or its session went away; the vault reconnects, retry"),
    TOKEN_ERROR("HSM-204", false, "the token refused the operation"),
    KEYSTORE_IO("HSM-205", true, "the software key store could not be read or written");

    private final String code;
    private final boolean retriable;
    private final String action;

    VaultError(String code, boolean retriable, String action) {
        this.code = code;
        this.retriable = retriable;
        this.action = action;
    }

    public String code() {
        return code;
    }

    public boolean retriable() {
        return retriable;
    }

    /** What an operator can do about it. */
    public String action() {
        return action;
    }
}
