package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fuseline demo --pkcs11}: the line's keys in a SoftHSM2 token of its own. The command re-launches itself
 * with SOFTHSM2_CONF pointing at the line's folder; the ceremony and hsm-signer then work on the token, and the
 * small line (one unit per chip family) ends as the software-vault line does.
 */
@Timeout(600)
class DemoPkcs11IT {

    @Test
    void aSmallLineRunsWithItsKeysInASoftHsm2Token(@TempDir Path dir) throws Exception {
        Path line = dir.resolve("line");
        // The launcher sets it to the checkout; the tests run in deploy/, whose parent is the checkout.
        System.setProperty("fuseline.home", Path.of("").toAbsolutePath().getParent().toString());
        CliRun run;
        try {
            run = CliRun.of("demo", "--pkcs11", "--units", "3", "--jigs", "3", "--faults", "0", "--app-size", "4096",
                    "--data-dir", line.toString());
        } finally {
            System.clearProperty("fuseline.home");
        }
        System.out.println(run.out());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SoftHSM2 token 'fuseline-line' (PKCS#11)", "Result: PASS",
                "provisioned         3", "created the audit checkpoint key AUDIT_CHECKPOINT/audit-checkpoint",
                "checkpoints signed by the vault's audit key");
        assertThat(Files.readString(line.resolve("logs").resolve("hsm-signer.log"), StandardCharsets.UTF_8))
                .contains("vault open: pkcs11 token 'fuseline-line'", "signed audit checkpoint at record");
        assertThat(line.resolve("vault").resolve("audit-checkpoint.pem")).isNotEmptyFile();
        assertThat(line.resolve("softhsm").resolve("tokens")).isNotEmptyDirectory();
        assertThat(line.resolve("vault").resolve("vault.p12")).doesNotExist();
    }
}
