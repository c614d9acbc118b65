package io.fuseline.deploy.demo;

import io.fuseline.deploy.line.LineHome;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.pkcs11.Pkcs11Config;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Which vault the local line keeps its keys in: the software vault (the default: a PKCS#12 file) or a SoftHSM2
 * token of the line's own ({@code --pkcs11}), as a factory would use a real HSM. The ceremony opens it in the demo's
 * JVM; hsm-signer opens it with the settings {@link #hsmConfig} gives.
 */
public sealed interface DemoVault {
    /** The SoftHSM2 library Debian installs. */
    Path SOFTHSM_MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    /** The token label of the line's SoftHSM2 token. */
    String TOKEN_LABEL = "fuseline-line";

    /** Opens the vault for the ceremony. */
    KeyVault open(LineHome home);

    /** hsm-signer's {@code fuseline.hsm.*} settings for this vault. */
    Map<String, String> hsmConfig(LineHome home);

    /** One word for the output. */
    String describe();

    /** The software vault: {@code vault/vault.p12} under the line's folder. */
    record Software() implements DemoVault {
        @Override
        public KeyVault open(LineHome home) {
            return SoftwareKeyVault.open(home.vaultFile(), PinSource.file(home.pinFile()));
        }

        @Override
        public Map<String, String> hsmConfig(LineHome home) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("fuseline.hsm.vault-kind", "software");
            c.put("fuseline.hsm.software-path", home.vaultFile().toString());
            c.put("fuseline.hsm.pin-file", home.pinFile().toString());
            return c;
        }

        @Override
        public String describe() {
            return "software vault " + "(PKCS#12, not for production)";
        }
    }

    /**
     * A SoftHSM2 token in {@code softhsm/} under the line's folder. SoftHSM2 finds its tokens through the
     * {@code SOFTHSM2_CONF} environment variable, read once per process: the demo's JVM and hsm-signer must both
     * have it set to {@link #configFile} before they start (the demo command re-launches itself to get there).
     */
    record SoftHsm() implements DemoVault {
        public static final String ENV = "SOFTHSM2_CONF";

        /** The SoftHSM2 configuration of a line's token. */
        public static Path configFile(LineHome home) {
            return home.root().resolve("softhsm").resolve("softhsm2.conf");
        }

        /** Creates the token (with a random PIN in the line's PIN file) unless it exists. */
        void ensureToken(LineHome home) {
            Path conf = configFile(home);
            Path tokens = conf.resolveSibling("tokens");
            Path created = conf.resolveSibling("token-created");
            try {
                if (Files.exists(created)) {
                    return;
                }
                Files.createDirectories(tokens);
                Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                        + "log.level = ERROR\n", StandardCharsets.US_ASCII);
                String pin = Files.readAllLines(home.pinFile(), StandardCharsets.US_ASCII).get(0).strip();
                ProcessBuilder pb = new ProcessBuilder(List.of("softhsm2-util", "--init-token", "--free", "--label",
                        TOKEN_LABEL, "--pin", pin, "--so-pin", pin + "-so")).redirectErrorStream(true);
                pb.environment().put(ENV, conf.toString());
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("softhsm2-util could not create the line's token: " + out.strip());
                }
                Files.writeString(created, TOKEN_LABEL + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the SoftHSM2 token in " + tokens
                        + " (is softhsm2 installed? ./fuseline doctor): " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the SoftHSM2 token", e);
            }
        }

        @Override
        public KeyVault open(LineHome home) {
            return Pkcs11KeyVault.open(new Pkcs11Config(SOFTHSM_MODULE, TOKEN_LABEL, PinSource.file(home.pinFile()), 1));
        }

        @Override
        public Map<String, String> hsmConfig(LineHome home) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("fuseline.hsm.vault-kind", "pkcs11");
            c.put("fuseline.hsm.pkcs11-module", SOFTHSM_MODULE.toString());
            c.put("fuseline.hsm.pkcs11-token-label", TOKEN_LABEL);
            c.put("fuseline.hsm.pin-file", home.pinFile().toString());
            return c;
        }

        @Override
        public String describe() {
            return "SoftHSM2 token '" + TOKEN_LABEL + "' (PKCS#11)";
        }
    }
}
