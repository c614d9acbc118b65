package io.fuseline.deploy.cli.vault;

import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.secureboot.VaultSecureBootSigner;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The ceremony steps that use the Secure Boot key. Outputs are never overwritten. */
final class SigningCommands {
    private SigningCommands() {
    }

    @Command(name = "export-digest", mixinStandardHelpOptions = true,
            description = "Write the 32-byte Secure Boot V2 public-key digest (what is burned into eFuse).")
    static final class ExportDigest implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--label", defaultValue = "secure-boot-v2", description = "Key name. Default: ${DEFAULT-VALUE}.")
        String name;
        @Option(names = {"--output", "-o"}, required = true, paramLabel = "FILE", description = "Where to write it.")
        Path output;

        @Override
        public Integer call() throws Exception {
            refuseExisting(output);
            try (KeyVault v = vault.open(false)) {
                byte[] digest = new VaultSecureBootSigner(v, new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, name)).publicKeyDigest();
                Files.write(output, digest);
                spec.commandLine().getOut().println("wrote " + output + ": public-key digest "
                        + HexFormat.of().formatHex(digest));
            }
            return 0;
        }
    }

    @Command(name = "sign-image", mixinStandardHelpOptions = true,
            description = "Sign a bootloader or app image for Secure Boot V2 with the vault's key.")
    static final class SignImage implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--label", defaultValue = "secure-boot-v2", description = "Key name. Default: ${DEFAULT-VALUE}.")
        String name;
        @Parameters(index = "0", paramLabel = "IN", description = "The unsigned image.")
        Path input;
        @Parameters(index = "1", paramLabel = "OUT", description = "The signed image (must not exist).")
        Path output;

        @Override
        public Integer call() throws Exception {
            refuseExisting(output);
            byte[] image = Files.readAllBytes(input);
            try (KeyVault v = vault.open(false)) {
                VaultSecureBootSigner signer = new VaultSecureBootSigner(v, new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, name));
                byte[] signed = SignedImage.sign(image, List.of(signer));
                Files.write(output, signed);
                PrintWriter out = spec.commandLine().getOut();
                out.println("wrote " + output + " (" + signed.length + " bytes), signed by " + signer);
                out.println("image SHA-256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed)));
                out.println("public-key digest " + HexFormat.of().formatHex(signer.publicKeyDigest()));
            }
            return 0;
        }
    }

    private static void refuseExisting(Path output) {
        if (Files.exists(output)) {
            throw new IllegalArgumentException(output + " exists; not overwriting it");
        }
    }
}
