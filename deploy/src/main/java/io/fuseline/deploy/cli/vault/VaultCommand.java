package io.fuseline.deploy.cli.vault;

import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultKey;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./fuseline vault}: the key ceremony. Every step refuses to overwrite what exists and prints what it created
 * (labels, key check values, digests), never key material.
 */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = "Key ceremony: create the vault, the Secure Boot signing key, the factory CA and the audit "
                + "checkpoint key (and export its public key), enroll stations, export the eFuse digest, sign images, list keys.",
        subcommands = {VaultCommand.Init.class, KeyCommands.CreateSigningKey.class, KeyCommands.CreateCa.class,
                KeyCommands.CreateAuditKey.class, KeyCommands.ExportAuditKey.class, KeyCommands.EnrollStation.class,
                SigningCommands.ExportDigest.class, SigningCommands.SignImage.class,
                VaultCommand.ListKeys.class, CommandLine.HelpCommand.class})
public final class VaultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vault init}: a new, empty software vault (a pkcs11 token is initialised with its own tools). */
    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create an empty vault; refuses an existing one.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (vault.kind == VaultOptions.Kind.software && vault.exists()) {
                throw new IllegalArgumentException("a vault exists at " + vault.softwareFile() + "; not overwriting it");
            }
            try (KeyVault v = vault.open(true)) {
                // A PKCS#11 token is made by its own tools (softhsm2-util --init-token, the HSM's console): this only
                // checks that the token answers and the PIN works, so it must not claim to have created anything.
                out.println(vault.kind == VaultOptions.Kind.pkcs11
                        ? "opened " + v.describe() + "; nothing created (a PKCS#11 token is initialised with its own tools)"
                        : "created " + v.describe());
                out.println("keys: " + v.list().size());
            }
            return 0;
        }
    }

    /** {@code vault list}: every key with its role, type, check value and the request that created it. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys in the vault.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (KeyVault v = vault.open(false)) {
                out.println(v.describe());
                for (VaultKey k : v.list().stream().sorted(Comparator.comparing(k -> k.label().toString())).toList()) {
                    out.printf("%-60s %-8s kcv %s  request %s%n", k.label(), k.type(), k.kcv(), k.requestId());
                }
            }
            return 0;
        }
    }
}
