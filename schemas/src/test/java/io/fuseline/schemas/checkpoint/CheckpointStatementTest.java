package io.fuseline.schemas.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.CheckpointSigned;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointStatementTest {
    private static final String HASH = "110546bb4735d7ecd2ceaed4c63af4f7bd3d677d8ae67be5b7ca114d00a19295";
    /** The throwaway key that signed the golden CheckpointSigned example (its private half was not kept). */
    private static final String GOLDEN_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkmnVxop1sWUfj3lu6yl6du2mJUZtwbcgKTm4D8FK"
            + "ID/c4CNJK4jAfvOt1MTv3w1kTHNQcTxAvqTTYLPdxTYmKQ==";

    @Test
    void theStatementIsTheDocumentedText() throws Exception {
        assertThat(new String(CheckpointStatement.bytes(1041, HASH), StandardCharsets.UTF_8))
                .isEqualTo("fuseline-audit-checkpoint/v1 1041 " + HASH);
        assertThat(CheckpointStatement.digest(1041, HASH)).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(("fuseline-audit-checkpoint/v1 1041 " + HASH).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noStatementIsMadeOfABadSequenceOrHash() {
        assertThatThrownBy(() -> CheckpointStatement.bytes(-1, HASH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointStatement.bytes(1, HASH.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointStatement.bytes(1, HASH + " 2 " + HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointStatement.digest(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureVerifiesForItsStatementOnlyAndWithItsKeyOnly() throws Exception {
        KeyPair key = P256.generate();
        Signature s = Signature.getInstance(CheckpointStatement.ALGORITHM);
        s.initSign(key.getPrivate());
        s.update(CheckpointStatement.bytes(7, HASH));
        byte[] signature = s.sign();

        assertThat(CheckpointStatement.isDerShaped(signature)).isTrue();
        assertThat(CheckpointStatement.verify(key.getPublic(), 7, HASH, signature)).isTrue();
        assertThat(CheckpointStatement.verify(key.getPublic(), 8, HASH, signature)).isFalse();
        assertThat(CheckpointStatement.verify(key.getPublic(), 7, "0".repeat(64), signature)).isFalse();
        assertThat(CheckpointStatement.verify(P256.generate().getPublic(), 7, HASH, signature)).isFalse();
        // malformed input is "does not verify", never an exception
        assertThat(CheckpointStatement.verify(key.getPublic(), -7, HASH, signature)).isFalse();
        assertThat(CheckpointStatement.verify(key.getPublic(), 7, "nope", signature)).isFalse();
        assertThat(CheckpointStatement.verify(key.getPublic(), 7, HASH, new byte[64])).isFalse();
        assertThat(CheckpointStatement.isDerShaped(new byte[64])).isFalse();
    }

    @Test
    void theGoldenAnswerVerifiesWithTheKeyItsFingerprintNames() throws Exception {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(GOLDEN_KEY)));
        CheckpointSigned signed = GoldenExamples.message(CheckpointSigned.class, "at-record-1041");

        assertThat(P256.fingerprintHex(key)).isEqualTo(signed.publicKeyFingerprint());
        assertThat(CheckpointStatement.verify(key, signed.sequence(), signed.recordHash(),
                Base64.getDecoder().decode(signed.signature()))).isTrue();
    }
}
