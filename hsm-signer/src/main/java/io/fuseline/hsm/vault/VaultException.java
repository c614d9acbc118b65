package io.fuseline.hsm.vault;

import java.util.Optional;

/**
 * A vault operation failed. Carries a stable {@link VaultError}, the PKCS#11 return value's {@code CKR_*} name when
 * a token said no, and a message that names keys by label and check value only, never by value.
 */
public final class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final VaultError error;
    private final String ckr;

    public VaultException(VaultError error, String message) {
        this(error, null, message, null);
    }

    public VaultException(VaultError error, String ckr, String message, Throwable cause) {
        super(error.code() + " " + error + (ckr == null ? "" : " (" + ckr + ")") + ": " + message, cause);
        this.error = error;
        this.ckr = ckr;
    }

    public VaultError error() {
        return error;
    }

    /** The PKCS#11 {@code CKR_*} name, when a token reported the failure. */
    public Optional<String> ckr() {
        return Optional.ofNullable(ckr);
    }

    /** Whether the same request may succeed later (the token came back, the file is writable again). */
    public boolean retriable() {
        return error.retriable();
    }
}
