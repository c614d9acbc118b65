package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * One initialized {@link PKCS11Module} per library per process: {@code C_Initialize} is process-wide, and a second
 * call fails with CKR_CRYPTOKI_ALREADY_INITIALIZED. SoftHSM2 reads {@code SOFTHSM2_CONF} from the process
 * environment and lists its tokens once, at that first call.
 *
 * <p>A module can be {@linkplain #restart restarted} (C_Finalize, C_Initialize) when its token went away in a way
 * only a new initialization cures: SoftHSM2 never recovers a token whose store vanished, nor lists a token created
 * after C_Initialize. A restart ends every session of the process on that library, and session and object handles
 * are numbered afresh, so a handle from before a restart may name another session or object after it: the
 * {@link #epoch} counts initializations, and whoever holds handles compares it before using them. Thread-safe.
 */
public final class Pkcs11Modules {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Modules.class);
    private static final Map<Path, PKCS11Module> MODULES = new HashMap<>();
    private static final Map<Path, AtomicInteger> EPOCHS = new ConcurrentHashMap<>();

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
            EPOCHS.computeIfAbsent(key, k -> new AtomicInteger());
            return module;
        } catch (IOException e) {
            throw new VaultException(VaultError.TOKEN_UNAVAILABLE, null, "cannot load PKCS#11 library " + key, e);
        }
    }

    /** How many times {@code library} was restarted in this process; handles from an older epoch are void. */
    public static int epoch(Path library) {
        AtomicInteger epoch = EPOCHS.get(library.toAbsolutePath().normalize());
        return epoch == null ? 0 : epoch.get();
    }

    /**
     * Finalizes and initializes {@code library} again, unless another caller restarted it since {@code seenEpoch}
     * (then that restart serves this caller too). Ends every session of the process on the library.
     *
     * @throws VaultException TOKEN_UNAVAILABLE (retriable) if C_Initialize fails, e.g. SoftHSM2's token store is
     *                        still missing; the next restart tries again
     */
    public static synchronized void restart(Path library, int seenEpoch) {
        Path key = library.toAbsolutePath().normalize();
        PKCS11Module module = get(key);
        AtomicInteger epoch = EPOCHS.get(key);
        if (epoch.get() != seenEpoch) {
            return;
        }
        try {
            module.finalize(null);
        } catch (PKCS11Exception e) {
            // CKR_CRYPTOKI_NOT_INITIALIZED: someone finalized it, or our last C_Initialize failed
        }
        epoch.incrementAndGet(); // from here on, no handle of the old initialization is valid
        try {
            module.initialize();
        } catch (PKCS11Exception e) {
            if (!"CKR_CRYPTOKI_ALREADY_INITIALIZED".equals(Pkcs11Errors.name(e))) {
                throw new VaultException(VaultError.TOKEN_UNAVAILABLE, Pkcs11Errors.name(e), "C_Initialize of " + key
                        + " failed while reconnecting", null);
            }
        }
        LOG.info("PKCS#11 module {} initialized again (C_Finalize, C_Initialize; epoch {})", key, epoch.get());
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
