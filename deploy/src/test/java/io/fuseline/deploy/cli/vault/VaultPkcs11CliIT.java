package io.fuseline.deploy.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import io.fuseline.deploy.cli.FuselineCommand;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.schemas.envelope.P256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key ceremony on a PKCS#11 token: {@code ./fuseline vault ... --vault-kind pkcs11} against a SoftHSM2 token in a
 * store of the test's own. Each step runs as its own JVM, as an operator's commands do, with {@code SOFTHSM2_CONF}
 * set for it (SoftHSM2 reads it from the process environment, which a JVM cannot set for itself): so every step also
 * shows that what the previous one created persisted on the token.
 */
@Timeout(300)
class VaultPkcs11CliIT {
    private static final Pattern KCV = Pattern.compile("kcv ([0-9a-f]{16})");
    private static final Pattern EFUSE_DIGEST = Pattern.compile("public-key digest \\(eFuse\\) ([0-9a-f]{64})");

    @TempDir
    Path dir;
    private SoftHsmToken token;

    @Test
    void theWholeCeremonyRunsOnTheTokenAndSignsImagesThatVerifyAgainstTheExportedDigest() throws Exception {
        Assumptions.assumeTrue(SoftHsmToken.installed(), "SoftHSM2 is not installed");
        token = SoftHsmToken.createIn(dir.resolve("softhsm"));
        String where = "pkcs11 token '" + token.label() + "'";

        CliRun init = vault("init");
        assertSucceeded(init);
        assertThat(init.out()).contains("opened " + where, "nothing created", "keys: 0");

        CliRun key = vault("create-signing-key");
        assertSucceeded(key);
        assertThat(key.out()).contains("SECURE_BOOT_SIGNING/secure-boot-v2", "RSA_3072", where);
        String signingKcv = group(KCV, key.out());
        String efuseHex = group(EFUSE_DIGEST, key.out());

        CliRun ca = vault("create-ca", "--common-name", "Pkcs11 Test CA");
        assertSucceeded(ca);
        assertThat(ca.out()).contains("FACTORY_CA/factory-ca", "CN=Pkcs11 Test CA", where);
        String caKcv = group(KCV, ca.out());

        var station = P256.generate();
        Path pem = dir.resolve("st-01.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(station.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        CliRun enroll = vault("enroll-station", "--station-id", "st-01", "--public-key", pem.toString());
        assertSucceeded(enroll);
        assertThat(enroll.out()).contains("STATION_ENROLLMENT/st-01", P256.fingerprintHex(station.getPublic()));
        String stationKcv = group(KCV, enroll.out());

        Path digest = dir.resolve("digest.bin");
        CliRun export = vault("export-digest", "--output", digest.toString());
        assertSucceeded(export);
        byte[] efuse = Files.readAllBytes(digest);
        assertThat(efuse).hasSize(32);
        assertThat(HexFormat.of().formatHex(efuse)).as("the digest of the key the ceremony created")
                .isEqualTo(efuseHex);

        byte[] image = new byte[8000];
        new Random(5).nextBytes(image);
        Path in = dir.resolve("app.bin");
        Path out = dir.resolve("app-signed.bin");
        Files.write(in, image);
        CliRun sign = vault("sign-image", in.toString(), out.toString());
        assertSucceeded(sign);
        byte[] signed = Files.readAllBytes(out);
        assertThat(SignedImage.verifyAgainstKeyDigests(signed, List.of(efuse)).ok()).isTrue();
        byte[] tampered = signed.clone();
        tampered[100] ^= 1;
        assertThat(SignedImage.verifyAgainstKeyDigests(tampered, List.of(efuse)).ok()).isFalse();

        CliRun list = vault("list");
        assertSucceeded(list);
        assertThat(list.out()).contains(where)
                .containsPattern("SECURE_BOOT_SIGNING/secure-boot-v2 +RSA_3072 +kcv " + signingKcv)
                .containsPattern("FACTORY_CA/factory-ca +EC_P256 +kcv " + caKcv)
                .containsPattern("STATION_ENROLLMENT/st-01 +EC_P256 +kcv " + stationKcv);

        CliRun again = vault("create-signing-key");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("HSM-102");

        String pin = Files.readAllLines(token.pinFile(), StandardCharsets.US_ASCII).get(0).strip();
        assertThat(String.join("", init.out(), init.err(), key.out(), key.err(), ca.out(), ca.err(), enroll.out(),
                enroll.err(), export.out(), export.err(), sign.out(), sign.err(), list.out(), list.err(), again.err()))
                .doesNotContain(pin);
    }

    /** One {@code ./fuseline vault <step>} on the test's token, in a JVM of its own. */
    private CliRun vault(String... step) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 21) {
            command.add("--enable-native-access=ALL-UNNAMED"); // the PKCS#11 wrapper loads native code
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FuselineCommand.class.getName(), "vault"));
        command.addAll(List.of(step));
        command.addAll(List.of("--vault-kind", "pkcs11", "--module", SoftHsmToken.MODULE.toString(), "--token-label",
                token.label(), "--pin-file", token.pinFile().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("SOFTHSM2_CONF", token.configuration().toString());
        pb.environment().remove(VaultOptions.PIN_ENV);
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vault " + step[0] + " did not finish in 120 s");
        }
        return new CliRun(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertSucceeded(CliRun run) {
        assertThat(run.code()).as("exit code; stderr: %s; stdout: %s", run.err(), run.out()).isZero();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }
}
