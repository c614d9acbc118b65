package io.fuseline.deploy.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.envelope.P256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key ceremony on a software vault, step by step, and each step's refusal to overwrite. */
class VaultCommandTest {
    @TempDir
    Path dir;
    private String vaultDir;
    private String pin;

    @BeforeEach
    void pinFile() throws Exception {
        Path file = dir.resolve("vault.pin");
        Files.writeString(file, "ceremony password\n");
        pin = file.toString();
        vaultDir = dir.resolve("vault").toString();
    }

    private CliRun vault(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "vault";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--vault-dir", vaultDir, "--pin-file", pin}, 0, all, args.length + 1, 4);
        return CliRun.of(all);
    }

    @Test
    void theWholeCeremonyPrintsWhatItCreatedAndSignsImagesThatVerifyAgainstTheExportedDigest() throws Exception {
        CliRun init = vault("init");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("created software token");

        CliRun key = vault("create-signing-key");
        assertThat(key.code()).as(key.err()).isZero();
        assertThat(key.out()).contains("SECURE_BOOT_SIGNING/secure-boot-v2", "RSA_3072").containsPattern("kcv [0-9a-f]{16}")
                .containsPattern("public-key digest \\(eFuse\\) [0-9a-f]{64}");

        CliRun ca = vault("create-ca", "--common-name", "Test Factory CA");
        assertThat(ca.code()).as(ca.err()).isZero();
        assertThat(ca.out()).contains("FACTORY_CA/factory-ca", "CN=Test Factory CA").containsPattern("kcv [0-9a-f]{16}");

        Path auditPem = dir.resolve("audit-checkpoint.pem");
        CliRun audit = vault("create-audit-key", "--public-key-out", auditPem.toString());
        assertThat(audit.code()).as(audit.err()).isZero();
        PublicKey auditKey = Pem.readPublicKey(Files.readString(auditPem));
        assertThat(audit.out()).contains("AUDIT_CHECKPOINT/audit-checkpoint", "EC_P256",
                P256.fingerprintHex(auditKey)).containsPattern("kcv [0-9a-f]{16}");
        CliRun auditAgain = vault("create-audit-key", "--public-key-out", dir.resolve("other.pem").toString());
        assertThat(auditAgain.code()).isEqualTo(1);
        assertThat(auditAgain.err()).contains("HSM-102");
        assertThat(vault("create-audit-key", "--label", "audit-2", "--public-key-out", auditPem.toString()).err())
                .contains("not overwriting");
        assertThat(Pem.readPublicKey(Files.readString(auditPem))).isEqualTo(auditKey);
        // Exported again later (another orchestrator, an auditor): the same key, the file it is given left alone.
        Path exported = dir.resolve("audit-again.pem");
        CliRun reexport = vault("export-audit-key", "--public-key-out", exported.toString());
        assertThat(reexport.code()).as(reexport.err()).isZero();
        assertThat(Pem.readPublicKey(Files.readString(exported))).isEqualTo(auditKey);
        assertThat(reexport.out()).contains("AUDIT_CHECKPOINT/audit-checkpoint", P256.fingerprintHex(auditKey));
        assertThat(vault("export-audit-key", "--public-key-out", exported.toString()).err()).contains("not overwriting");
        CliRun none = vault("export-audit-key", "--label", "audit-9", "--public-key-out", dir.resolve("x.pem").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no key AUDIT_CHECKPOINT/audit-9", "create-audit-key");
        assertThat(dir.resolve("x.pem")).doesNotExist();

        var station = P256.generate();
        Path pem = dir.resolve("st-01.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(station.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CliRun enroll = vault("enroll-station", "--station-id", "st-01", "--public-key", pem.toString());
        assertThat(enroll.code()).as(enroll.err()).isZero();
        assertThat(enroll.out()).contains("STATION_ENROLLMENT/st-01", P256.fingerprintHex(station.getPublic()));

        Path digest = dir.resolve("digest.bin");
        CliRun export = vault("export-digest", "--output", digest.toString());
        assertThat(export.code()).as(export.err()).isZero();
        byte[] efuse = Files.readAllBytes(digest);
        assertThat(efuse).hasSize(32);
        assertThat(key.out()).contains(HexFormat.of().formatHex(efuse));

        byte[] image = new byte[8000];
        new Random(3).nextBytes(image);
        Path in = dir.resolve("app.bin");
        Path out = dir.resolve("app-signed.bin");
        Files.write(in, image);
        CliRun sign = vault("sign-image", in.toString(), out.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(SignedImage.verifyAgainstKeyDigests(Files.readAllBytes(out), List.of(efuse)).ok()).isTrue();

        CliRun list = vault("list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("SECURE_BOOT_SIGNING/secure-boot-v2", "FACTORY_CA/factory-ca",
                "AUDIT_CHECKPOINT/audit-checkpoint", "STATION_ENROLLMENT/st-01").doesNotContain("AUDIT_CHECKPOINT/audit-2");
        assertThat(String.join("", init.out(), key.out(), ca.out(), enroll.out(), export.out(), sign.out(), list.out()))
                .doesNotContain("ceremony password");
    }

    @Test
    void noStepOverwritesWhatExists() throws Exception {
        assertThat(vault("init").code()).isZero();
        CliRun again = vault("init");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("not overwriting").doesNotContain("Exception");
        assertThat(vault("create-signing-key").code()).isZero();
        CliRun second = vault("create-signing-key");
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("HSM-102");
        Path digest = dir.resolve("d.bin");
        Files.writeString(digest, "keep me");
        assertThat(vault("export-digest", "--output", digest.toString()).err()).contains("not overwriting");
        assertThat(Files.readString(digest)).isEqualTo("keep me");
        Path station = dir.resolve("st.der");
        Files.write(station, P256.generate().getPublic().getEncoded());
        assertThat(vault("enroll-station", "--station-id", "st-02", "--public-key", station.toString()).code()).isZero();
        assertThat(vault("enroll-station", "--station-id", "st-02", "--public-key", station.toString()).err())
                .contains("already enrolled");
    }

    @Test
    void withoutAPinSourceNothingOpensAndThePinIsNeverAnArgument() {
        CliRun run = CliRun.of("vault", "init", "--vault-dir", vaultDir);
        if (System.getenv(VaultOptions.PIN_ENV) == null) {
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("--pin-file", VaultOptions.PIN_ENV);
        }
        assertThat(CliRun.of("vault", "init", "--pin", "x").code()).isEqualTo(2);
    }
}
