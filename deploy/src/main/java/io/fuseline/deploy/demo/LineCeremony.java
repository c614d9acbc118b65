package io.fuseline.deploy.demo;

import io.fuseline.deploy.line.LineHome;
import io.fuseline.esp.ChipFamily;
import io.fuseline.hsm.ca.CertificateProfile;
import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.secureboot.VaultSecureBootSigner;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.station.identity.StationIdentity;
import io.fuseline.station.identity.StationKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a security officer and a release engineer do before a line runs, done for the local line in one go: the key
 * ceremony on the line's vault (Secure Boot V2 signing key, factory CA, audit checkpoint key with its public key
 * exported for the orchestrator, the station's enrollment) and a signed demo release per chip family with its recipe. Each step is skipped when its result already exists, so a resumed line
 * keeps its keys. Secrets stay in the vault; the PIN is a random file only its owner may read.
 */
public final class LineCeremony {
    static final KeyLabel SIGNING_KEY = new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, "secure-boot-v2");
    static final KeyLabel FACTORY_CA = new KeyLabel(KeyRole.FACTORY_CA, "factory-ca");
    static final KeyLabel AUDIT_KEY = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, LineHome.AUDIT_KEY_NAME);
    /** The demo release's version. */
    public static final String RELEASE = "1.0.0";

    /**
     * The result: the recipe id per chip, the Secure Boot public-key digest (hex) every recipe burns, and the station
     * key's fingerprint as enrolled.
     */
    public record Prepared(Map<ChipFamily, String> recipes, String secureBootDigest, String stationFingerprint) {
        public Prepared {
            recipes = Map.copyOf(recipes);
        }
    }

    private LineCeremony() {
    }

    /** Runs whatever of the ceremony and the release is not done yet for {@code chips}. */
    public static Prepared prepare(LineHome home, DemoVault vaultKind, String stationId, Set<ChipFamily> chips,
                                   int appPayloadBytes, Consumer<String> say) {
        try {
            Files.createDirectories(home.vaultDir());
            Files.createDirectories(home.artifacts());
            Files.createDirectories(home.recipes());
            if (!Files.exists(home.pinFile())) {
                writePin(home.pinFile());
            }
            if (vaultKind instanceof DemoVault.SoftHsm softHsm) {
                softHsm.ensureToken(home);
            }
            StationIdentity station = StationKeyStore.loadOrCreate(home.stationKeystore(), home.stationPasswordFile(),
                    stationId);
            StationKeyStore.exportPublicKey(station, home.stationPublicKey());
            try (KeyVault vault = vaultKind.open(home)) {
                if (vault.find(SIGNING_KEY).isEmpty()) {
                    vault.generateKeyPair(SIGNING_KEY, "ceremony:demo");
                    say.accept("vault             created the Secure Boot V2 signing key " + SIGNING_KEY);
                }
                if (vault.find(FACTORY_CA).isEmpty()) {
                    Duration validity = Duration.ofDays(3650);
                    FactoryCa.create(vault, FACTORY_CA, "Fuseline Demo Factory CA", new CertificateProfile(
                            "Fuseline Demo Factory", validity, Duration.ofHours(1), validity), Clock.systemUTC());
                    say.accept("vault             created the factory CA " + FACTORY_CA);
                }
                if (vault.find(AUDIT_KEY).isEmpty()) {
                    vault.generateKeyPair(AUDIT_KEY, "ceremony:demo");
                    say.accept("vault             created the audit checkpoint key " + AUDIT_KEY);
                }
                writeAtomically(home.auditPublicKey(), Pem.publicKey(vault.publicKey(AUDIT_KEY))
                        .getBytes(StandardCharsets.US_ASCII));
                if (vault.find(KeyLabel.station(stationId)).isEmpty()) {
                    vault.enrollStation(stationId, station.publicKey());
                    say.accept("vault             enrolled station " + stationId + " (key "
                            + P256.fingerprintHex(station.publicKey()).substring(0, 16) + "…)");
                }
                exportCaCertificate(home, vault.certificate(FACTORY_CA).orElseThrow());
                VaultSecureBootSigner signer = new VaultSecureBootSigner(vault, SIGNING_KEY);
                String digest = HexFormat.of().formatHex(signer.publicKeyDigest());
                Map<ChipFamily, String> recipes = new LinkedHashMap<>();
                for (ChipFamily chip : chips) {
                    recipes.put(chip, release(home, chip, appPayloadBytes, signer, digest, say));
                }
                return new Prepared(recipes, digest, station.fingerprint());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the line in " + home.root() + ": " + e.getMessage(), e);
        }
    }

    private static String release(LineHome home, ChipFamily chip, int appPayloadBytes, VaultSecureBootSigner signer,
                                  String digest, Consumer<String> say) throws IOException {
        String id = DemoRecipe.id(chip);
        Path recipeFile = home.recipes().resolve(id + ".json");
        if (Files.exists(recipeFile)) {
            return id;
        }
        List<ReleaseImage> images = new DemoRelease(chip, RELEASE, appPayloadBytes).build(signer);
        long bytes = 0;
        for (ReleaseImage image : images) {
            Path file = home.artifacts().resolve(image.sha256() + ".bin");
            if (!Files.exists(file)) {
                writeAtomically(file, image.bytes());
            }
            bytes += image.size();
        }
        writeAtomically(recipeFile, DemoRecipe.json(new DemoRelease(chip, RELEASE, appPayloadBytes), images, digest)
                .getBytes(StandardCharsets.UTF_8));
        say.accept(String.format("release           %s %s: %d images, %,d bytes, bootloader and app signed; recipe %s",
                chip.toolName(), RELEASE, images.size(), bytes, id));
        return id;
    }

    /** The factory CA's certificate as PEM beside the vault: what anyone checking a device certificate needs. */
    public static Path caCertificateFile(LineHome home) {
        return home.vaultDir().resolve("factory-ca.pem");
    }

    private static void exportCaCertificate(LineHome home, byte[] der) throws IOException {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        writeAtomically(caCertificateFile(home), pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writePin(Path file) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions are all there is
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
