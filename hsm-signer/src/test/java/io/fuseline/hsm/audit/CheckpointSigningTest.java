package io.fuseline.hsm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSigningTest {
    private static final String HASH = "110546bb4735d7ecd2ceaed4c63af4f7bd3d677d8ae67be5b7ca114d00a19295";
    private static final KeyLabel AUDIT = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, "audit-checkpoint");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private SoftwareKeyVault vault;

    @BeforeEach
    void open() throws Exception {
        Path pin = dir.resolve("vault.pin");
        Files.writeString(pin, "checkpoint-test\n");
        vault = SoftwareKeyVault.open(dir.resolve("vault.p12"), PinSource.file(pin));
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void theAnswerNamesTheAuditKeyAndItsSignatureVerifiesWithIt() {
        vault.generateKeyPair(AUDIT, "ceremony");
        CheckpointSigned answer = new CheckpointSigning(vault, "audit-checkpoint", CLOCK).sign(request("ckpt-1", 41));

        assertThat(answer.requestId()).isEqualTo("ckpt-1");
        assertThat(answer.sequence()).isEqualTo(41);
        assertThat(answer.recordHash()).isEqualTo(HASH);
        assertThat(answer.keyId()).isEqualTo("audit-checkpoint");
        assertThat(answer.publicKeyFingerprint()).isEqualTo(P256.fingerprintHex(vault.publicKey(AUDIT)));
        assertThat(answer.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(answer.signedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123Z"));
        assertThat(CheckpointStatement.verify(vault.publicKey(AUDIT), 41, HASH,
                Base64.getDecoder().decode(answer.signature()))).isTrue();
    }

    @Test
    void aRepeatedRequestGetsTheSameAnswerAndAReusedIdForAnotherRecordIsRefused() {
        vault.generateKeyPair(AUDIT, "ceremony");
        CheckpointSigning signing = new CheckpointSigning(vault, "audit-checkpoint", CLOCK);
        CheckpointSigned first = signing.sign(request("ckpt-1", 41));

        assertThat(signing.sign(request("ckpt-1", 41))).isEqualTo(first);
        assertThat(signing.sign(request("ckpt-2", 41)).signature()).as("ECDSA is randomized")
                .isNotEqualTo(first.signature());
        VaultException reused = catchThrowableOfType(VaultException.class,
                () -> signing.sign(request("ckpt-1", 42)));
        assertThat(reused.error()).isEqualTo(VaultError.BAD_REQUEST);
        assertThat(reused.retriable()).isFalse();
    }

    @Test
    void aVaultWithoutAnAuditKeyRefusesForGoodAndSaysWhatToDo() {
        VaultException missing = catchThrowableOfType(VaultException.class,
                () -> new CheckpointSigning(vault, "audit-checkpoint", CLOCK).sign(request("ckpt-1", 41)));

        assertThat(missing.error()).isEqualTo(VaultError.KEY_NOT_FOUND);
        assertThat(missing.retriable()).isFalse();
        assertThat(missing.getMessage()).contains("HSM-101", "AUDIT_CHECKPOINT/audit-checkpoint",
                "./fuseline vault create-audit-key");
    }

    @Test
    void aKeyNameNoAnswerCanCarryIsRefused() {
        assertThatThrownBy(() -> new CheckpointSigning(vault, "audit/2026", CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit/2026");
    }

    private static CheckpointRequested request(String id, long sequence) {
        return new CheckpointRequested(id, sequence, HASH, Instant.parse("2026-11-21T09:59:59Z"));
    }
}
