package io.fuseline.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyCheckValueTest {
    @Test
    void isTheTruncatedDomainSeparatedSha256() throws Exception {
        byte[] key = new byte[32];
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("fuseline/kcv/v1".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(sha.digest(key), 0, 8);
        assertThat(KeyCheckValue.ofSecret(key)).isEqualTo(expected).isEqualTo("fdb384296d092b9b"); // known answer
        assertThat(KeyCheckValue.ofSecret(new byte[64])).isNotEqualTo(expected);
    }

    @Test
    void refusesMalformedText() {
        assertThatThrownBy(() -> KeyCheckValue.requireValid("3f9a01")).hasMessageContaining("16 lowercase hex");
        assertThat(KeyCheckValue.requireValid("0123456789abcdef")).isEqualTo("0123456789abcdef");
    }
}
