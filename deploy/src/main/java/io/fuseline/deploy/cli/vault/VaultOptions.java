package io.fuseline.deploy.cli.vault;

import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.pkcs11.Pkcs11Config;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which vault a ceremony step works on. The PIN (or software key-store password) comes from {@code --pin-file} or
 * the environment variable {@value #PIN_ENV}, never from a command-line value, which would show in {@code ps}.
 */
final class VaultOptions {
    static final String PIN_ENV = "FUSELINE_VAULT_PIN";

    enum Kind { software, pkcs11 }

    @Option(names = "--vault-kind", defaultValue = "software", paramLabel = "KIND",
            description = "software (an encrypted key-store file, not for production) or pkcs11 (an HSM). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--vault-dir", defaultValue = ".fuseline/vault", paramLabel = "DIR",
            description = "Folder of the software vault (vault.p12 and its journal). Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--pin-file", paramLabel = "FILE",
            description = "File whose first line is the PIN or password; else the environment variable " + PIN_ENV + ".")
    Path pinFile;

    @Option(names = "--module", defaultValue = "/usr/lib/softhsm/libsofthsm2.so", paramLabel = "LIB",
            description = "PKCS#11 library (pkcs11 vaults). Default: ${DEFAULT-VALUE}.")
    Path module;

    @Option(names = "--token-label", defaultValue = "fuseline", paramLabel = "LABEL",
            description = "Label of the PKCS#11 token (pkcs11 vaults). Default: ${DEFAULT-VALUE}.")
    String tokenLabel;

    Path softwareFile() {
        return dir.resolve("vault.p12");
    }

    /** Whether a software vault exists at the location (always true for pkcs11: tokens are made by their tools). */
    boolean exists() {
        return kind == Kind.pkcs11 || Files.exists(softwareFile());
    }

    PinSource pin() {
        if (pinFile != null) {
            return PinSource.file(pinFile);
        }
        String env = System.getenv(PIN_ENV);
        if (env == null || env.isEmpty()) {
            throw new IllegalArgumentException("no PIN: give --pin-file FILE or set " + PIN_ENV);
        }
        return PinSource.of(env.toCharArray());
    }

    /** Opens the vault; a software vault must exist unless {@code create}. */
    KeyVault open(boolean create) {
        if (kind == Kind.pkcs11) {
            return Pkcs11KeyVault.open(new Pkcs11Config(module, tokenLabel, pin(), 1));
        }
        if (!create && !Files.exists(softwareFile())) {
            throw new IllegalArgumentException("no vault at " + softwareFile() + "; run ./fuseline vault init first");
        }
        return SoftwareKeyVault.open(softwareFile(), pin());
    }

    String where() {
        return kind == Kind.pkcs11 ? "pkcs11 token '" + tokenLabel + "' (" + module + ")" : softwareFile().toString();
    }
}
