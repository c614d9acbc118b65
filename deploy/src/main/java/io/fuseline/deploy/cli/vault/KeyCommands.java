package io.fuseline.deploy.cli.vault;

import io.fuseline.esp.secureboot.PublicKeyDigest;
import io.fuseline.hsm.audit.CheckpointSigning;
import io.fuseline.hsm.ca.CertificateProfile;
import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.envelope.P256;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The ceremony steps that create keys (each refuses an existing label and prints label and check value), and the
 * export of the audit key's public half.
 */
final class KeyCommands {
    private KeyCommands() {
    }

    @Command(name = "create-signing-key", mixinStandardHelpOptions = true,
            description = "Generate the RSA-3072 Secure Boot V2 signing key inside the vault.")
    static final class CreateSigningKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--label", defaultValue = "secure-boot-v2", description = "Key name. Default: ${DEFAULT-VALUE}.")
        String name;

        @Override
        public Integer call() {
            KeyLabel label = new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, name);
            try (KeyVault v = vault.open(false)) {
                VaultKey key = v.generateKeyPair(label, "ceremony:create-signing-key");
                PrintWriter out = spec.commandLine().getOut();
                out.println("created " + key.label() + " (" + key.type() + ") in " + v.describe());
                out.println("kcv " + key.kcv());
                out.println("public-key digest (eFuse) " + HexFormat.of().formatHex(PublicKeyDigest.of(v.publicKey(label))));
            }
            return 0;
        }
    }

    @Command(name = "create-ca", mixinStandardHelpOptions = true,
            description = "Generate the factory CA key inside the vault and self-sign its certificate.")
    static final class CreateCa implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--label", defaultValue = "factory-ca", description = "Key name. Default: ${DEFAULT-VALUE}.")
        String name;
        @Option(names = "--common-name", defaultValue = "Fuseline Factory CA", description = "CA subject CN.")
        String commonName;
        @Option(names = "--organization", defaultValue = "Fuseline Factory", description = "Subject O.")
        String organization;
        @Option(names = "--validity-days", defaultValue = "9125", description = "CA validity in days.")
        int days;

        @Override
        public Integer call() throws Exception {
            KeyLabel label = new KeyLabel(KeyRole.FACTORY_CA, name);
            Duration validity = Duration.ofDays(days);
            try (KeyVault v = vault.open(false)) {
                FactoryCa ca = FactoryCa.create(v, label, commonName, new CertificateProfile(organization, validity,
                        Duration.ofHours(1), validity), Clock.systemUTC());
                PrintWriter out = spec.commandLine().getOut();
                out.println("created " + label + " in " + v.describe());
                out.println("kcv " + v.find(label).orElseThrow().kcv());
                out.println("certificate " + ca.certificate().getSubject() + ", SHA-256 "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded())));
            }
            return 0;
        }
    }

    @Command(name = "create-audit-key", mixinStandardHelpOptions = true,
            description = {"Generate the EC P-256 audit checkpoint key inside the vault (it signs the audit chain's "
                    + "checkpoints, through hsm-signer) and write its public key (PEM) for the orchestrator's "
                    + "fuseline.audit.checkpoint.vault-public-key-file and for ./fuseline audit verify --public-key."})
    static final class CreateAuditKey extends AuditKeyCommand {
        @Override
        VaultKey key(KeyVault v, KeyLabel label) {
            return v.generateKeyPair(label, "ceremony:create-audit-key");
        }

        @Override
        String done() {
            return "created";
        }
    }

    @Command(name = "export-audit-key", mixinStandardHelpOptions = true,
            description = {"Write the audit checkpoint key's public key (PEM) again: for another orchestrator, or for "
                    + "an auditor's ./fuseline audit verify --public-key. The private key never leaves the vault."})
    static final class ExportAuditKey extends AuditKeyCommand {
        @Override
        VaultKey key(KeyVault v, KeyLabel label) {
            return v.find(label).orElseThrow(() -> new IllegalArgumentException("no key " + label + " in "
                    + v.describe() + "; the ceremony creates it: ./fuseline vault create-audit-key"));
        }

        @Override
        String done() {
            return "found";
        }
    }

    /**
     * The commands that write the audit key's public key (PEM) and say which key it is (label, check value,
     * fingerprint); they differ in where the key comes from.
     */
    abstract static class AuditKeyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--label", defaultValue = "audit-checkpoint",
                description = "Key name (hsm-signer's fuseline.hsm.audit-key-name). Default: ${DEFAULT-VALUE}.")
        String name;
        @Option(names = "--public-key-out", required = true, paramLabel = "FILE",
                description = "Where the public key goes (PEM); an existing file is not overwritten.")
        Path publicKeyOut;

        /** The key, from the vault. */
        abstract VaultKey key(KeyVault v, KeyLabel label);

        /** What happened to the key, for the first line printed. */
        abstract String done();

        @Override
        public Integer call() throws IOException {
            if (Files.exists(publicKeyOut)) {
                throw new IllegalArgumentException(publicKeyOut + " exists; not overwriting it");
            }
            CheckpointSigning.checkKeyName(name);
            KeyLabel label = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, name);
            try (KeyVault v = vault.open(false)) {
                VaultKey key = key(v, label);
                PublicKey pub = v.publicKey(label);
                Files.writeString(publicKeyOut, Pem.publicKey(pub), StandardCharsets.US_ASCII);
                PrintWriter out = spec.commandLine().getOut();
                out.println(done() + " " + key.label() + " (" + key.type() + ") in " + v.describe());
                out.println("kcv " + key.kcv());
                out.println("fingerprint " + P256.fingerprintHex(pub));
                out.println("public key written to " + publicKeyOut);
            }
            return 0;
        }
    }

    @Command(name = "enroll-station", mixinStandardHelpOptions = true,
            description = "Enroll a station's P-256 public key (PEM or DER SubjectPublicKeyInfo).")
    static final class EnrollStation implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--station-id", required = true, description = "The station's id, e.g. st-01.")
        String stationId;
        @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The station's public key.")
        Path publicKey;

        @Override
        public Integer call() throws Exception {
            PublicKey key = read(publicKey);
            try (KeyVault v = vault.open(false)) {
                if (v.find(KeyLabel.station(stationId)).isPresent()) {
                    throw new IllegalArgumentException("station " + stationId + " is already enrolled; not overwriting it");
                }
                VaultKey enrolled = v.enrollStation(stationId, key);
                PrintWriter out = spec.commandLine().getOut();
                out.println("enrolled " + enrolled.label() + " in " + v.describe());
                out.println("kcv " + enrolled.kcv());
                out.println("fingerprint " + P256.fingerprintHex(key));
            }
            return 0;
        }

        private static PublicKey read(Path file) throws Exception {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                bytes = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
            }
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bytes));
        }
    }
}
