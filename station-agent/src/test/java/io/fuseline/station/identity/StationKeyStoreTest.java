package io.fuseline.station.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.secureboot.Pem;
import io.fuseline.schemas.envelope.EnvelopeSealer;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.SecretKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsOnFirstStartThenLoadsTheSameKey() throws Exception {
        Path ks = dir.resolve("station.p12");
        Path pw = dir.resolve("station.password");
        StationIdentity created = StationKeyStore.loadOrCreate(ks, pw, "st-01");
        assertThat(ks).exists();
        assertThat(pw).exists();
        StationIdentity loaded = StationKeyStore.loadOrCreate(ks, pw, "st-01");
        assertThat(loaded.fingerprint()).isEqualTo(created.fingerprint());
        assertThat(Pem.readPublicKey(created.publicKeyPem())).isEqualTo(created.publicKey());
        Path pem = dir.resolve("station.pub.pem");
        StationKeyStore.exportPublicKey(loaded, pem);
        assertThat(Pem.readPublicKey(Files.readString(pem))).isEqualTo(created.publicKey());
        assertThat(Files.readString(pem)).doesNotContain("PRIVATE");
        assertThat(loaded.toString()).doesNotContain("PRIVATE");

        byte[] secret = new byte[32];
        secret[0] = 42;
        try (SecretBytes s = SecretBytes.adopt(secret.clone())) {
            KeyEnvelope env = EnvelopeSealer.seal(s, SecretKind.FLASH_ENCRYPTION_KEY, s.kcv(), created.publicKey());
            try (SecretBytes opened = loaded.unwrapper().unwrap(env)) {
                assertThat(opened.copy()).isEqualTo(secret);
            }
        }
    }

    @Test
    void aWrongPasswordNamesTheFiles() throws Exception {
        Path ks = dir.resolve("station.p12");
        Path pw = dir.resolve("station.password");
        StationKeyStore.loadOrCreate(ks, pw, "st-01");
        Files.writeString(pw, "wrong\n");
        assertThatThrownBy(() -> StationKeyStore.loadOrCreate(ks, pw, "st-01"))
                .hasMessageContaining(ks.toString()).hasMessageContaining(pw.toString());
    }
}
