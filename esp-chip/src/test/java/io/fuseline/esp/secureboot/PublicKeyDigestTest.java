package io.fuseline.esp.secureboot;

import static io.fuseline.esp.secureboot.Sbv2Vectors.pem;
import static io.fuseline.esp.secureboot.Sbv2Vectors.sbv2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every {@code *.digest.bin} (espsecure digest_sbv2_public_key) from the private and the public PEM. */
class PublicKeyDigestTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa3072", "rsa3072_b", "rsa3072_c", "ecdsa192", "ecdsa256", "ecdsa384"})
    void matchesEspsecureFromPublicAndPrivatePem(String key) {
        byte[] expected = sbv2(key + ".digest.bin");
        assertThat(PublicKeyDigest.of(Pem.readPublicKey(pem(key + ".pub.pem")))).isEqualTo(expected);
        assertThat(PublicKeyDigest.of(Pem.readPublicKey(pem(key + ".pem")))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa3072", "ecdsa256", "ecdsa384", "ecdsa192"})
    void privatePemsReadWithPlainJca(String key) {
        assertThat(Pem.readPrivateKey(pem(key + ".pem")).getAlgorithm()).isIn("RSA", "EC");
    }

    @Test
    void refusesRsaKeysThatAreNot3072Bit() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        assertThatThrownBy(() -> PublicKeyDigest.of(g.generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
    }

    @Test
    void refusesPemWithoutKey() {
        assertThatThrownBy(() -> Pem.readPublicKey("hello")).hasMessageContaining("no PEM block");
    }
}
