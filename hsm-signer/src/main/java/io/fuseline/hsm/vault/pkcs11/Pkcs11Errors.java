package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.util.Set;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/** Maps PKCS#11 return values to vault errors, keeping the {@code CKR_*} name. */
final class Pkcs11Errors {
    /** The token, the module or the session went away: retry after reconnecting. */
    private static final Set<String> GONE = Set.of("CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED",
            "CKR_DEVICE_REMOVED", "CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_DEVICE_ERROR",
            "CKR_DEVICE_MEMORY", "CKR_HOST_MEMORY", "CKR_CRYPTOKI_NOT_INITIALIZED", "CKR_USER_NOT_LOGGED_IN",
            "CKR_SESSION_COUNT", "CKR_FUNCTION_CANCELED");
    private static final Set<String> LOGIN = Set.of("CKR_PIN_INCORRECT", "CKR_PIN_LOCKED", "CKR_PIN_EXPIRED",
            "CKR_PIN_LEN_RANGE");

    private Pkcs11Errors() {
    }

    static String name(PKCS11Exception e) {
        return PKCS11Constants.ckrCodeToName(e.getErrorCode());
    }

    /** Whether the session that saw {@code e} should be dropped rather than reused. */
    static boolean sessionLost(PKCS11Exception e) {
        return GONE.contains(name(e));
    }

    static VaultException map(PKCS11Exception e, String operation) {
        String ckr = name(e);
        VaultError error = GONE.contains(ckr) ? VaultError.TOKEN_UNAVAILABLE
                : LOGIN.contains(ckr) ? VaultError.LOGIN_FAILED : VaultError.TOKEN_ERROR;
        return new VaultException(error, ckr, operation + " failed", null);
    }
}
