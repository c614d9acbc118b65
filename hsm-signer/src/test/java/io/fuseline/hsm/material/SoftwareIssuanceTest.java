package io.fuseline.hsm.material;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.WrappedKey;
import io.fuseline.hsm.testing.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareIssuanceTest extends IssuanceContract {
    @TempDir
    static Path dir;
    private static int n;

    @Override
    protected KeyVault openVault() {
        return SoftwareKeyVault.open(dir.resolve("vault-" + n++ + ".p12"), PinSource.of("test".toCharArray()));
    }

    /** Runs a known issuance with logs captured, opens every secret, and looks for its bytes in every text made. */
    @Test
    void plaintextNeverReachesLogsToStringsOrTheIssuedRecord() throws Exception {
        KeyMaterialIssued issued;
        List<String> texts = new ArrayList<>();
        LogCapture captured = LogCapture.start();
        try {
            issued = issuer.issue(s3Request("kmr-leak", mac(77), false));
            issuer.issue(s3Request("kmr-leak", mac(77), false));
            try {
                issuer.issue(s3Request("kmr-other", mac(77), false));
            } catch (RuntimeException e) {
                texts.add(e.toString());
            }
            texts.add(issued.toString());
            vault().list().forEach(k -> texts.add(k.toString()));
        } finally {
            captured.close();
        }
        texts.add(captured.text());
        assertThat(captured.text()).contains("generated");
        StationUnwrapper unwrapper = new StationUnwrapper(station.getPrivate(), station.getPublic());
        int checked = 0;
        for (WrappedKey k : issued.wrappedKeys()) {
            if (k.kind() == SecretKind.DEVICE_IDENTITY_KEY) {
                continue;
            }
            try (SecretBytes s = unwrapper.unwrap(KeyEnvelope.fromBase64(k.envelope()))) {
                byte[] raw = s.copy();
                texts.add(s.toString());
                for (String text : texts) {
                    assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(raw, 0, 12))
                            .doesNotContain(Base64.getEncoder().encodeToString(raw).substring(0, 16));
                }
                java.util.Arrays.fill(raw, (byte) 0);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }
}
