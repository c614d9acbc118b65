package io.fuseline.hsm.testing;

import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.pkcs11.Pkcs11Config;
import io.fuseline.hsm.vault.pkcs11.Pkcs11Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;

/**
 * One SoftHSM2 token per test JVM. SoftHSM2 reads {@code SOFTHSM2_CONF} and lists its tokens once, at the process's
 * first C_Initialize, so the token must exist before any vault opens and every test class shares it; tests call
 * {@link #wipe()} for a clean token.
 *
 * <p>Where the token lives: if the JVM's environment has {@code SOFTHSM2_CONF} (surefire
 * {@code <environmentVariables>} or the shell), that file (created if absent) with a {@code tokens} directory beside
 * it; otherwise SoftHSM2's system configuration, with a uniquely labelled token deleted when the JVM exits. A JVM
 * cannot set its own native environment, which is why the project-local variant needs the variable from outside.
 * Tests that run SoftHSM2 in child processes (the ceremony CLI) make a token in a store of their own with
 * {@link #createIn} instead. The test-jar carries this class to other modules' tests.
 */
public final class SoftHsmToken {
    public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static SoftHsmToken shared;

    private final String label;
    private final Path pinFile;
    private final String where;
    /** The SoftHSM2 configuration the token was made in; null for the machine's. */
    private final Path conf;

    private SoftHsmToken(String label, Path pinFile, String where, Path conf) {
        this.label = label;
        this.pinFile = pinFile;
        this.where = where;
        this.conf = conf;
    }

    /** Whether SoftHSM2 is installed here. */
    public static boolean installed() {
        return Files.exists(MODULE) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
    }

    public static synchronized SoftHsmToken shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    public Pkcs11Config config() {
        return new Pkcs11Config(MODULE, label, PinSource.file(pinFile), 4);
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "SoftHSM2 token '" + label + "' (" + where + ")";
    }

    /** Destroys every object on the token. */
    public void wipe() {
        try {
            for (Slot slot : Pkcs11Modules.get(MODULE).getSlotList(true)) {
                if (label.equals(slot.getToken().getTokenInfo().getLabel().strip())) {
                    Session s = slot.getToken().openSession(true);
                    try {
                        login(s);
                        for (long h : s.findAllObjectsSingle(new AttributeVector())) {
                            s.destroyObject(h);
                        }
                    } finally {
                        s.closeSession();
                    }
                }
            }
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("cannot wipe the test token: " + e.getErrorName(), e);
        }
    }

    /** A raw logged-in session for tests that look beneath the vault; close it. */
    public Session openSession() throws PKCS11Exception {
        for (Slot slot : Pkcs11Modules.get(MODULE).getSlotList(true)) {
            if (label.equals(slot.getToken().getTokenInfo().getLabel().strip())) {
                Session s = slot.getToken().openSession(true);
                login(s);
                return s;
            }
        }
        throw new IllegalStateException("token " + label + " not found");
    }

    /**
     * What another part of the process can do to the vault's sessions: C_CloseAllSessions on the token's slot, which
     * in SoftHSM2 also ends the login.
     */
    public void closeAllSessions() throws PKCS11Exception {
        PKCS11Module module = Pkcs11Modules.get(MODULE);
        try {
            module.getPKCS11Module().C_CloseAllSessions(slot(module).getSlotID());
        } catch (iaik.pkcs.pkcs11.wrapper.PKCS11Exception e) {
            throw module.convertException(e);
        }
    }

    /** Logs the user out from a session of its own: every session of the process loses the login. */
    public void logoutElsewhere() throws PKCS11Exception {
        Session s = openSession();
        try {
            s.logout();
        } finally {
            s.closeSession();
        }
    }

    /** The module goes away under the vault: C_Finalize, as a library shutting down or a crashed HSM client would. */
    public void finalizeModule() throws PKCS11Exception {
        Pkcs11Modules.get(MODULE).finalize(null);
    }

    /**
     * Moves the token store (the {@code tokens} folder beside SOFTHSM2_CONF) away until the returned handle is
     * closed, as an unmounted volume would. Only for the project-local store.
     */
    public AutoCloseable moveStoreAway() throws IOException {
        if (!where.startsWith("project-local")) {
            throw new IllegalStateException("the token store is the machine's, not this project's: not moving it");
        }
        Path tokens = Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath().getParent().resolve("tokens");
        Path away = tokens.resolveSibling("tokens-moved-away");
        Files.move(tokens, away);
        return () -> Files.move(away, tokens);
    }

    /** Whether the token's store is this project's own (SOFTHSM2_CONF set for this JVM). */
    public boolean projectLocal() {
        return where.startsWith("project-local");
    }

    /** Leaves the module initialized for the next test, whatever a test did to it. */
    public void ensureModuleUsable() {
        PKCS11Module module = Pkcs11Modules.get(MODULE);
        try {
            slot(module);
        } catch (PKCS11Exception | IllegalStateException e) {
            Pkcs11Modules.restart(MODULE, Pkcs11Modules.epoch(MODULE));
        }
    }

    private Slot slot(PKCS11Module module) throws PKCS11Exception {
        for (Slot slot : module.getSlotList(true)) {
            if (label.equals(slot.getToken().getTokenInfo().getLabel().strip())) {
                return slot;
            }
        }
        throw new IllegalStateException("token " + label + " not found");
    }

    private void login(Session s) throws PKCS11Exception {
        try {
            s.login(PKCS11Constants.CKU_USER, PinSource.file(pinFile).read());
        } catch (PKCS11Exception e) {
            if (!"CKR_USER_ALREADY_LOGGED_IN".equals(e.getErrorName())) {
                throw e;
            }
        }
    }

    private static SoftHsmToken create() {
        try {
            String env = System.getenv("SOFTHSM2_CONF");
            if (env == null) {
                SoftHsmToken token = init(null, "system SoftHSM2 configuration; SOFTHSM2_CONF not set for this JVM");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteToken(token.label)));
                return token;
            }
            Path conf = Path.of(env).toAbsolutePath();
            writeConfiguration(conf);
            return init(conf, "project-local, " + conf);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a SoftHSM2 token: " + e.getMessage(), e);
        }
    }

    /**
     * A token in a store of its own under {@code dir} ({@code softhsm2.conf} and {@code tokens/} there), for tests
     * that run SoftHSM2 in child processes with {@code SOFTHSM2_CONF=}{@link #configuration()}, such as the key
     * ceremony CLI. This JVM's own SoftHSM2 does not see it: do not open it here ({@link #config()} and the session
     * helpers are for {@link #shared()}).
     */
    public static SoftHsmToken createIn(Path dir) {
        try {
            Path conf = dir.toAbsolutePath().resolve("softhsm2.conf");
            writeConfiguration(conf);
            return init(conf, "own store, " + conf);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a SoftHSM2 token in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The SoftHSM2 configuration file of a {@link #createIn} token. */
    public Path configuration() {
        if (conf == null) {
            throw new IllegalStateException(this + " uses the machine's SoftHSM2 configuration");
        }
        return conf;
    }

    /** The file whose first line is the user PIN. */
    public Path pinFile() {
        return pinFile;
    }

    private static void writeConfiguration(Path conf) throws IOException {
        Path tokens = conf.getParent().resolve("tokens");
        Files.createDirectories(tokens);
        if (!Files.exists(conf)) {
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n");
        }
    }

    /** Initializes a token with a random label, SO PIN and user PIN; {@code conf} null: the machine's store. */
    private static SoftHsmToken init(Path conf, String where) throws IOException {
        SecureRandom random = new SecureRandom();
        String label = "fuseline-test-" + hex(random, 4);
        String pin = hex(random, 8);
        Path dir = Files.createTempDirectory("fuseline-softhsm");
        Path pinFile = dir.resolve("user.pin");
        Files.writeString(pinFile, pin + "\n");
        Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("rw-------"));
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", hex(random, 8),
                "--pin", pin), conf);
        return new SoftHsmToken(label, pinFile, where, conf);
    }

    private static void deleteToken(String label) {
        try {
            run(List.of("softhsm2-util", "--delete-token", "--token", label), null);
        } catch (IOException | RuntimeException e) {
            // best effort at exit
        }
    }

    private static void run(List<String> command, Path conf) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (conf != null) {
            pb.environment().put("SOFTHSM2_CONF", conf.toString());
        }
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " " + command.get(1) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
