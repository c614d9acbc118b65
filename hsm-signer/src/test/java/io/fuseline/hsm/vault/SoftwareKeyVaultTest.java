package io.fuseline.hsm.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareKeyVaultTest extends KeyVaultContract {
    @TempDir
    Path dir;
    private Path file;
    private PinSource password;
    private SoftwareKeyVault vault;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("vault.p12");
        Path pw = dir.resolve("vault.pw");
        Files.writeString(pw, "correct horse battery staple\n");
        password = PinSource.file(pw);
        vault = SoftwareKeyVault.open(file, password);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Override
    protected KeyVault vault() {
        return vault;
    }

    @Override
    protected KeyVault reopen() {
        return SoftwareKeyVault.open(file, password);
    }

    @Test
    void aWrongPasswordOpensNothing() {
        vault.generateSecret(NVS, 32, "kmr-1");
        assertThat(errorOf(() -> SoftwareKeyVault.open(file, PinSource.of("wrong".toCharArray()))))
                .isEqualTo(VaultError.KEYSTORE_IO);
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        vault.generateSecret(NVS, 32, "kmr-1");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
