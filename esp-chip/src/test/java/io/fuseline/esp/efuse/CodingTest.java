package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodingTest {

    static List<String[]> rsVectors() { return EfuseVectors.tsv("rs_vectors.tsv"); }

    static List<String[]> coding34Vectors() { return EfuseVectors.tsv("coding34_vectors.tsv"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rsVectors")
    void reedSolomonMatchesReedsoloRsCodec12(String name, String data, String encoded) {
        byte[] d = EfuseVectors.HEX.parseHex(data);
        assertThat(EfuseVectors.HEX.formatHex(ReedSolomon.encode(d))).isEqualTo(encoded);
        assertThat(ReedSolomon.isCodeword(EfuseVectors.HEX.parseHex(encoded))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coding34Vectors")
    void coding34MatchesEspefuse(String name, String data, String encoded) {
        byte[] d = EfuseVectors.HEX.parseHex(data);
        byte[] e = Coding34.encode(d);
        assertThat(EfuseVectors.HEX.formatHex(e)).isEqualTo(encoded);
        assertThat(Coding34.isValid(e)).isTrue();
        assertThat(Coding34.data(e)).isEqualTo(d);
    }

    @Test
    void corruptedCodewordsAreNotValid() {
        byte[] e = ReedSolomon.encode(new byte[32]);
        e[40] ^= 1;
        assertThat(ReedSolomon.isCodeword(e)).isFalse();
        byte[] c = Coding34.encode(new byte[24]);
        c[3] = 1;
        assertThat(Coding34.isValid(c)).isFalse();
    }

    @Test
    void wrongLengthsAreRefused() {
        assertThatThrownBy(() -> ReedSolomon.parity(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coding34.encode(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }
}
