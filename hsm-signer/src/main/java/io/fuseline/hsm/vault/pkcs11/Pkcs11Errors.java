package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.util.Set;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/** Maps PKCS#11 return values to vault errors, keeping the {@code CKR_*} name. */
final class Pkcs11Errors {
    /**
     * The session, the login, the token or the module went away: the operation fails as retriable and the vault
     * reconnects before its next operation. CKR_GENERAL_ERROR is here because SoftHSM2 answers every call with it once
     * its token store has vanished (until the module is initialized again), and PKCS#11 says the token may be in an
     * inconsistent state after it: retrying after a reconnect is the only safe reading, never "done" or "refused".
     */
    private static final Set<String> GONE = Set.of("CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED",
            "CKR_DEVICE_REMOVED", "CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_DEVICE_ERROR",
            "CKR_DEVICE_MEMORY", "CKR_HOST_MEMORY", "CKR_CRYPTOKI_NOT_INITIALIZED", "CKR_USER_NOT_LOGGED_IN",
            "CKR_SESSION_COUNT", "CKR_FUNCTION_CANCELED", "CKR_GENERAL_ERROR");
    private static final Set<String> LOGIN = Set.of("CKR_PIN_INCORRECT", "CKR_PIN_LOCKED", "CKR_PIN_EXPIRED",
            "CKR_PIN_LEN_RANGE");

    private Pkcs11Errors() {
    }

    static String name(PKCS11Exception e) {
        return PKCS11Constants.ckrCodeToName(e.getErrorCode());
    }

    /** Whether {@code e} means the connection to the token is lost: drop every session and reconnect. */
    static boolean connectionLost(PKCS11Exception e) {
        return GONE.contains(name(e));
    }

    /** Whether {@code e} says only that an object handle no longer names an object (another session destroyed it). */
    static boolean objectGone(PKCS11Exception e) {
        return "CKR_OBJECT_HANDLE_INVALID".equals(name(e));
    }

    static VaultException map(PKCS11Exception e, String operation) {
        String ckr = name(e);
        VaultError error = GONE.contains(ckr) ? VaultError.TOKEN_UNAVAILABLE
                : LOGIN.contains(ckr) ? VaultError.LOGIN_FAILED : VaultError.TOKEN_ERROR;
        return new VaultException(error, ckr, operation + " failed", null);
    }
}
