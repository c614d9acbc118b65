package io.fuseline.esp.secureboot;

import static io.fuseline.esp.secureboot.Sbv2Vectors.publicKey;
import static io.fuseline.esp.secureboot.Sbv2Vectors.sbv2;
import static io.fuseline.esp.secureboot.Sbv2Vectors.signer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our signer against espsecure: salts and nonces are random, so our files match the reference up to the
 * signature (and its CRC), and verify with the reference public key.
 */
class SigningTest {
    private static final byte[] APP = Sbv2Vectors.bytes("image/esp32s3_app_small.bin");

    @ParameterizedTest
    @CsvSource({"rsa3072, signed_rsa3072.bin, 812", "ecdsa256, signed_ecdsa256.bin, 101",
        "ecdsa384, signed_ecdsa384.bin, 149"})
    void signsLikeEspsecureAndVerifiesWithTheReferenceKey(String key, String reference, int signatureOffset) {
        byte[] ours = SignedImage.sign(APP, List.of(signer(key)));
        byte[] theirs = sbv2(reference);
        assertThat(ours).hasSameSizeAs(theirs);
        int upToSignature = theirs.length - SignedImage.SECTOR + signatureOffset;
        assertThat(Arrays.copyOf(ours, upToSignature)).isEqualTo(Arrays.copyOf(theirs, upToSignature));
        assertThat(Arrays.copyOfRange(ours, theirs.length - SignedImage.SECTOR + SignatureBlock.SIZE, ours.length))
                .isEqualTo(Arrays.copyOfRange(theirs, theirs.length - SignedImage.SECTOR + SignatureBlock.SIZE, theirs.length));
        assertThat(SignedImage.verify(ours, publicKey(key))).isEqualTo(new Verification.Verified(0));
        assertThat(SignedImage.verify(ours, publicKey("rsa3072_b"))).isInstanceOf(Verification.NotVerified.class);
    }

    @Test
    void threeKeysThenEachVerifiesItsOwnBlock() {
        byte[] signed = SignedImage.sign(APP, List.of(signer("rsa3072"), signer("rsa3072_b"), signer("rsa3072_c")));
        assertThat(Arrays.copyOf(signed, signed.length - SignedImage.SECTOR + 36))
                .isEqualTo(Arrays.copyOf(sbv2("signed_rsa3072_x3.bin"), signed.length - SignedImage.SECTOR + 36));
        assertThat(SignedImage.verify(signed, publicKey("rsa3072"))).isEqualTo(new Verification.Verified(0));
        assertThat(SignedImage.verify(signed, publicKey("rsa3072_b"))).isEqualTo(new Verification.Verified(1));
        assertThat(SignedImage.verify(signed, publicKey("rsa3072_c"))).isEqualTo(new Verification.Verified(2));
    }

    @Test
    void appendingKeepsTheExistingBlock() {
        byte[] reference = sbv2("signed_rsa3072.bin");
        byte[] appended = SignedImage.appendSignatures(reference, List.of(signer("rsa3072_b")));
        int sector = reference.length - SignedImage.SECTOR;
        assertThat(Arrays.copyOf(appended, sector + SignatureBlock.SIZE))
                .isEqualTo(Arrays.copyOf(reference, sector + SignatureBlock.SIZE));
        assertThat(SignedImage.verify(appended, publicKey("rsa3072_b"))).isEqualTo(new Verification.Verified(1));
        assertThat(SignedImage.verify(appended, publicKey("rsa3072"))).isEqualTo(new Verification.Verified(0));
    }

    @Test
    void aFlippedImageByteIsCaughtByTheDigest() {
        byte[] signed = SignedImage.sign(APP, List.of(signer("ecdsa256")));
        signed[100] ^= 1;
        assertThat(SignedImage.verify(signed, publicKey("ecdsa256"))).isEqualTo(new Verification.ImageDigestMismatch(0));
    }
}
