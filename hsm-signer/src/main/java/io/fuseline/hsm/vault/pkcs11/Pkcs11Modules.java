package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * One initialized {@link PKCS11Module} per library per process: {@code C_Initialize} is process-wide, and a second
 * call fails with CKR_CRYPTOKI_ALREADY_INITIALIZED. SoftHSM2 reads {@code SOFTHSM2_CONF} from the process
 * environment and lists its tokens once, at that first call. Thread-safe.
 */
public final class Pkcs11Modules {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Modules.class);
    private static final Map<Path, PKCS11Module> MODULES = new HashMap<>();

    private Pkcs11Modules() {
    }

    /** The initialized module for {@code library}, loading and initializing it on first use. */
    public static synchronized PKCS11Module get(Path library) {
        Path key = library.toAbsolutePath().normalize();
        PKCS11Module module = MODULES.get(key);
        if (module != null) {
            return module;
        }
        StaticLogger.setLogger(new WrapperLogger());
        try {
            module = PKCS11Module.getInstance(key.toString());
            try {
                module.initialize();
            } catch (PKCS11Exception e) {
                if (!"CKR_CRYPTOKI_ALREADY_INITIALIZED".equals(Pkcs11Errors.name(e))) {
                    throw Pkcs11Errors.map(e, "C_Initialize of " + key);
                }
            }
            LOG.info("PKCS#11 module {} initialized", key);
            MODULES.put(key, module);
            return module;
        } catch (IOException e) {
            throw new VaultException(VaultError.TOKEN_UNAVAILABLE, null, "cannot load PKCS#11 library " + key, e);
        }
    }

    /**
     * The wrapper's own log lines, at debug: they name sessions and mechanisms. Its debug and trace output (which
     * may print attribute templates) is dropped.
     */
    private static final class WrapperLogger implements org.xipki.pkcs11.wrapper.Logger {
        private static final Logger WRAPPER = LoggerFactory.getLogger("org.xipki.pkcs11.wrapper");

        @Override public void info(String format, Object... args) { WRAPPER.debug(format, args); }
        @Override public void warn(String format, Object... args) { WRAPPER.warn(format, args); }
        @Override public void error(String format, Object... args) { WRAPPER.error(format, args); }
        @Override public void debug(String format, Object... args) { }
        @Override public void trace(String format, Object... args) { }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public boolean isInfoEnabled() { return WRAPPER.isDebugEnabled(); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isTraceEnabled() { return false; }
    }
}
