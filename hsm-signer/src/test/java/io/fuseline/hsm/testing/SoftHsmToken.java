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
 */
public final class SoftHsmToken {
    public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static SoftHsmToken shared;

    private final String label;
    private final Path pinFile;
    private final String where;

    private SoftHsmToken(String label, Path pinFile, String where) {
        this.label = label;
        this.pinFile = pinFile;
        this.where = where;
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
            String where;
            if (env != null) {
                Path conf = Path.of(env).toAbsolutePath();
                Path tokens = conf.getParent().resolve("tokens");
                Files.createDirectories(tokens);
                if (!Files.exists(conf)) {
                    Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                            + "log.level = ERROR\nslots.removable = false\n");
                }
                where = "project-local, " + conf;
            } else {
                where = "system SoftHSM2 configuration; SOFTHSM2_CONF not set for this JVM";
            }
            SecureRandom random = new SecureRandom();
            String label = "fuseline-test-" + hex(random, 4);
            String pin = hex(random, 8);
            Path dir = Files.createTempDirectory("fuseline-softhsm");
            Path pinFile = dir.resolve("user.pin");
            Files.writeString(pinFile, pin + "\n");
            Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("rw-------"));
            run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", hex(random, 8),
                    "--pin", pin));
            if (env == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteToken(label)));
            }
            return new SoftHsmToken(label, pinFile, where);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a SoftHSM2 token: " + e.getMessage(), e);
        }
    }

    private static void deleteToken(String label) {
        try {
            run(List.of("softhsm2-util", "--delete-token", "--token", label));
        } catch (IOException | RuntimeException e) {
            // best effort at exit
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
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
