package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;

/**
 * Up to N logged-in read-write sessions on the token labelled {@link Pkcs11Config#tokenLabel()}, lent out one
 * operation at a time, and the connection behind them.
 *
 * <p>Losing the token: an operation whose call reports a lost session, login, token or module
 * ({@link Pkcs11Errors#connectionLost}) fails as retriable ({@link VaultError#TOKEN_UNAVAILABLE}) and marks the pool
 * lost; nothing is retried here, so no creation can happen twice behind the caller's back. The next operation first
 * reconnects: it drops every session, finds the slot by label again, opens a session, logs in, and runs the
 * {@link Connected} hook (the vault rebuilds its index) before any operation sees the new session. If that fails, the
 * module is restarted ({@link Pkcs11Modules#restart}) and the connect tried once more; if that fails too, the
 * operation fails as retriable and the next one tries again. A reconnect runs alone (no operation of this pool is in
 * flight), so the hook sees the token as it is, not half-way through another thread's creation. An operation also
 * reconnects first when anyone restarted the module since this pool connected ({@link Pkcs11Modules#epoch}): handles
 * of the sessions it holds would then be void, or name another caller's sessions.
 *
 * <p>Thread-safe.
 */
final class SessionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    private static final String NEVER_CONNECTED = "not connected yet";

    /** One operation on a borrowed session. */
    interface Work<T> {
        T run(Session session) throws PKCS11Exception;
    }

    /** Runs on the first session of every connection, before any operation uses it. */
    interface Connected {
        void connected(Session session) throws PKCS11Exception;
    }

    private final Pkcs11Config config;
    private final Connected hook;
    private final Semaphore permits;
    private final BlockingQueue<Session> idle;
    /** Operations hold the read lock; connecting holds the write lock. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);
    private volatile Token token;
    private volatile int epoch;
    /** Why the connection is lost (a CKR_* name), or null while it works. */
    private volatile String lost = NEVER_CONNECTED;

    SessionPool(Pkcs11Config config, Connected hook) {
        this.config = config;
        this.hook = hook;
        this.permits = new Semaphore(config.sessions(), true);
        this.idle = new ArrayBlockingQueue<>(config.sessions());
    }

    /**
     * Connects for the first time: TOKEN_NOT_FOUND if no token has the label (after one module restart, since
     * SoftHSM2 lists only the tokens that existed at C_Initialize), LOGIN_FAILED for a wrong PIN.
     */
    void connect() {
        reconnect(VaultError.TOKEN_NOT_FOUND);
    }

    /** The slot the token is in now, for logs. */
    String slot() {
        Token t = token;
        return t == null ? "not connected" : "slot " + t.getSlot().getSlotID();
    }

    <T> T with(String operation, Work<T> work) {
        permits.acquireUninterruptibly();
        try {
            while (true) {
                if (lost != null || epoch != Pkcs11Modules.epoch(config.module())) {
                    reconnect(VaultError.TOKEN_UNAVAILABLE);
                }
                lock.readLock().lock();
                try {
                    if (lost == null && epoch == Pkcs11Modules.epoch(config.module())) {
                        return run(operation, work);
                    }
                } finally {
                    lock.readLock().unlock();
                }
            }
        } finally {
            permits.release();
        }
    }

    /**
     * Runs {@code work} while no other operation of this pool is in flight (on a session of its own), for work that
     * must see the token as a whole, such as reading its index again.
     */
    <T> T exclusive(String operation, Work<T> work) {
        lock.writeLock().lock();
        try {
            if (lost != null || epoch != Pkcs11Modules.epoch(config.module())) {
                reconnectLocked(VaultError.TOKEN_UNAVAILABLE);
            }
            return run(operation, work);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T run(String operation, Work<T> work) {
        Session session = null;
        try {
            session = idle.poll();
            if (session == null) {
                session = open(token);
            }
            T result = work.run(session);
            idle.add(session);
            session = null;
            return result;
        } catch (PKCS11Exception e) {
            if (Pkcs11Errors.connectionLost(e)) {
                markLost(operation, e);
                throw Pkcs11Errors.map(e, operation);
            }
            if (session != null && lostMeanwhile(session)) {
                // A call that raced with the loss (SoftHSM2 answers CKR_FUNCTION_FAILED when its session objects
                // vanish mid-call): the error names the symptom, the session check names the cause.
                markLost(operation, e);
                throw new VaultException(VaultError.TOKEN_UNAVAILABLE, Pkcs11Errors.name(e), operation
                        + " failed while the session was lost", null);
            }
            if (session != null) {
                idle.add(session); // the operation failed, the session is fine
                session = null;
            }
            throw Pkcs11Errors.map(e, operation);
        } finally {
            if (session != null) {
                closeQuietly(session);
            }
        }
    }

    /** Whether the session that just saw an error no longer works: closed, logged out, or its token gone. */
    private static boolean lostMeanwhile(Session session) {
        try {
            Pkcs11Objects.requireSeesPrivateObjects(session);
            return false;
        } catch (PKCS11Exception e) {
            return Pkcs11Errors.connectionLost(e);
        }
    }

    private void markLost(String operation, PKCS11Exception e) {
        if (lost == null) {
            LOG.warn("{}: {} reported {}; the vault reconnects before its next operation", config.tokenLabel(),
                    operation, Pkcs11Errors.name(e));
        }
        lost = Pkcs11Errors.name(e);
    }

    private void reconnect(VaultError whenTokenMissing) {
        lock.writeLock().lock();
        try {
            if (lost != null || epoch != Pkcs11Modules.epoch(config.module())) {
                reconnectLocked(whenTokenMissing);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Holding the write lock: drop every session, connect, and on failure restart the module and connect again. */
    private void reconnectLocked(VaultError whenTokenMissing) {
        String reason = lost;
        drainIdle();
        try {
            int seen = Pkcs11Modules.epoch(config.module());
            try {
                open(seen);
            } catch (PKCS11Exception e) {
                if (!Pkcs11Errors.connectionLost(e)) {
                    throw e; // a wrong PIN, say: a new initialization would not change it
                }
                restartAndOpen(seen, Pkcs11Errors.name(e));
            } catch (VaultException e) {
                if (e.error() != VaultError.TOKEN_NOT_FOUND) {
                    throw e;
                }
                restartAndOpen(seen, "no token labelled '" + config.tokenLabel() + "' in the module's slots");
            }
            if (reason != null && !NEVER_CONNECTED.equals(reason)) {
                LOG.warn("{}: reconnected after {} ({})", config.tokenLabel(), reason, slot());
            }
            lost = null;
        } catch (PKCS11Exception e) {
            lost = Pkcs11Errors.name(e);
            VaultException mapped = Pkcs11Errors.map(e, "connecting to token '" + config.tokenLabel() + "'");
            throw mapped.error() == VaultError.TOKEN_ERROR && whenTokenMissing == VaultError.TOKEN_UNAVAILABLE
                    ? unavailable(mapped) : mapped;
        } catch (VaultException e) {
            lost = e.ckr().orElse(e.error().name());
            if (e.error() == VaultError.TOKEN_NOT_FOUND && whenTokenMissing == VaultError.TOKEN_UNAVAILABLE) {
                throw unavailable(e); // it was there before: gone for now, not misconfigured
            }
            throw e;
        }
    }

    /**
     * SoftHSM2 lists tokens only at C_Initialize and never recovers a token whose store vanished: only a new
     * initialization of the module can find the token again.
     */
    private void restartAndOpen(int seen, String why) throws PKCS11Exception {
        if (NEVER_CONNECTED.equals(lost)) {
            LOG.info("{}: {}; initializing the PKCS#11 module {} again in case the token came later",
                    config.tokenLabel(), why, config.module());
        } else {
            LOG.warn("{}: reconnecting failed ({}); restarting the PKCS#11 module {}", config.tokenLabel(), why,
                    config.module());
        }
        Pkcs11Modules.restart(config.module(), seen);
        open(Pkcs11Modules.epoch(config.module()));
    }

    /** Finds the token, opens and logs in one session, runs the hook on it and keeps it. */
    private void open(int seenEpoch) throws PKCS11Exception {
        epoch = seenEpoch;
        Token found = find();
        token = found;
        Session first = open(found);
        try {
            hook.connected(first);
        } catch (PKCS11Exception | RuntimeException e) {
            closeQuietly(first);
            throw e;
        }
        idle.add(first);
    }

    private Token find() throws PKCS11Exception {
        for (Slot slot : Pkcs11Modules.get(config.module()).getSlotList(true)) {
            String label = slot.getToken().getTokenInfo().getLabel();
            if (label != null && label.strip().equals(config.tokenLabel())) {
                return slot.getToken();
            }
        }
        throw noToken(config.tokenLabel());
    }

    private Session open(Token t) throws PKCS11Exception {
        Session s = t.openSession(true);
        char[] p = config.pin().read();
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

    private void drainIdle() {
        Session s;
        while ((s = idle.poll()) != null) {
            closeQuietly(s);
        }
    }

    /** Closes idle sessions. The login ends with the last session of the process on this token. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            drainIdle();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Closes a session unless the module was restarted since it opened: its handle may then name another
     * caller's session.
     */
    private void closeQuietly(Session s) {
        if (epoch != Pkcs11Modules.epoch(config.module())) {
            return;
        }
        try {
            s.closeSession();
        } catch (PKCS11Exception e) {
            // already gone
        }
    }

    private VaultException unavailable(VaultException cause) {
        return new VaultException(VaultError.TOKEN_UNAVAILABLE, cause.ckr().orElse(null), "token '"
                + config.tokenLabel() + "' is unavailable (" + cause.getMessage() + "); the next operation reconnects",
                null);
    }

    static VaultException noToken(String label) {
        return new VaultException(VaultError.TOKEN_NOT_FOUND, "no initialized token labelled '" + label + "'");
    }
}
