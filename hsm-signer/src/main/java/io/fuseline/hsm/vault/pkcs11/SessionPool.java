package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Token;

/**
 * Up to N logged-in read-write sessions on one token, lent out one operation at a time. A session that reports a
 * lost token or session (CKR_SESSION_HANDLE_INVALID, CKR_DEVICE_REMOVED, ...) is dropped instead of returned, and
 * the operation fails as retriable ({@link VaultError#TOKEN_UNAVAILABLE}); the next operation opens a new session
 * and logs in again. Thread-safe.
 */
final class SessionPool implements AutoCloseable {
    /** One operation on a borrowed session. */
    interface Work<T> {
        T run(Session session) throws PKCS11Exception;
    }

    private final Token token;
    private final PinSource pin;
    private final Semaphore permits;
    private final BlockingQueue<Session> idle;

    SessionPool(Token token, PinSource pin, int size) {
        this.token = token;
        this.pin = pin;
        this.permits = new Semaphore(size, true);
        this.idle = new ArrayBlockingQueue<>(size);
    }

    <T> T with(String operation, Work<T> work) {
        permits.acquireUninterruptibly();
        Session session = null;
        try {
            session = idle.poll();
            if (session == null) {
                session = open();
            }
            T result = work.run(session);
            idle.add(session);
            session = null;
            return result;
        } catch (PKCS11Exception e) {
            if (session != null && !Pkcs11Errors.sessionLost(e)) {
                idle.add(session); // the operation failed, the session is fine
                session = null;
            }
            throw Pkcs11Errors.map(e, operation);
        } finally {
            if (session != null) {
                closeQuietly(session);
            }
            permits.release();
        }
    }

    private Session open() throws PKCS11Exception {
        Session s = token.openSession(true);
        char[] p = pin.read();
        try {
            s.login(PKCS11Constants.CKU_USER, p);
        } catch (PKCS11Exception e) {
            if (!"CKR_USER_ALREADY_LOGGED_IN".equals(Pkcs11Errors.name(e))) {
                closeQuietly(s);
                throw e;
            }
        } finally {
            Arrays.fill(p, '\0');
        }
        return s;
    }

    /** Closes idle sessions. The login ends with the last session of the process on this token. */
    @Override
    public void close() {
        Session s;
        while ((s = idle.poll()) != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.closeSession();
        } catch (PKCS11Exception e) {
            // already gone
        }
    }

    static VaultException noToken(String label) {
        return new VaultException(VaultError.TOKEN_NOT_FOUND, "no initialized token labelled '" + label + "'");
    }
}
