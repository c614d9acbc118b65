package io.fuseline.esp.secureboot;

import static io.fuseline.esp.secureboot.Sbv2Vectors.publicKey;
import static io.fuseline.esp.secureboot.Sbv2Vectors.sbv2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference signed images and espsecure's verdicts on them ({@code verify_results.txt}). */
class SignedImageVectorsTest {
    private static final int SECTOR = 4096;

    /** Each {@code verify_signature --version 2} run: key, file, expected outcome (block, or -1). */
    @ParameterizedTest(name = "{1} with {0}: {2}")
    @CsvSource({
        "rsa3072,   signed_rsa3072.bin,              VERIFIED, 0",
        "ecdsa256,  signed_ecdsa256.bin,             VERIFIED, 0",
        "ecdsa384,  signed_ecdsa384.bin,             VERIFIED, 0",
        "rsa3072,   signed_esp32_rsa3072.bin,        VERIFIED, 0",
        "rsa3072_c, signed_rsa3072_x3.bin,           VERIFIED, 2",
        "rsa3072_b, signed_rsa3072_appended_b.bin,   VERIFIED, 1",
        "rsa3072,   signed_presig_rsa3072.bin,       VERIFIED, 0",
        "ecdsa256,  signed_presig_ecdsa256.bin,      VERIFIED, 0",
        "ecdsa384,  signed_presig_ecdsa384.bin,      VERIFIED, 0",
        "rsa3072_b, signed_rsa3072.bin,              NOT_VERIFIED, -1",
        "ecdsa384,  signed_ecdsa256.bin,             NOT_VERIFIED, -1",
        "rsa3072,   tampered_rsa3072.bin,            DIGEST_MISMATCH, 0",
        "rsa3072,   badsig_rsa3072.bin,              NOT_VERIFIED, -1",
        "rsa3072,   badrinv_rsa3072.bin,             VERIFIED, 0",
    })
    void verifiesLikeEspsecure(String key, String file, String outcome, int block) {
        Verification expected = switch (outcome) {
            case "VERIFIED" -> new Verification.Verified(block);
            case "DIGEST_MISMATCH" -> new Verification.ImageDigestMismatch(block);
            default -> null;
        };
        Verification actual = SignedImage.verify(sbv2(file), publicKey(key));
        if (expected == null) {
            assertThat(actual).isInstanceOf(Verification.NotVerified.class);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** {@code signature_info_v2}: the key digest of every valid block, and where the valid blocks are. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "signed_rsa3072.bin,     706969d3dc8021f5257f864986468ed60cbd358edfcd3482f1ecf8168226f6bb",
        "signed_ecdsa256.bin,    3ae7c839c4873e07359023defc5f436132e502a3e75be2af812a61495295_93a2",
        "signed_ecdsa384.bin,    aa6655588fb0e2bda177f15addbcf5d62486f1ba75841ff3b83e6b14626c45b2",
        "signed_ecdsa192.bin,    c627f6deca281333c0248216fe0a34126a2296bfda147db13ea52ea82c2a26d7",
        "signed_rsa3072_x3.bin,  706969d3dc8021f5257f864986468ed60cbd358edfcd3482f1ecf8168226f6bb"
            + " 813966711e3d6a5777290e6f40b219b825de528dd79ca3a2f46a1f57cea5134a"
            + " 43d832d8973e7799cd7e5c73545c1c7b5345bf28cc4dcc6e0e5f6556176b161c",
        "badrinv_rsa3072.bin,    d23608360a31ee7db879063c2cf3acaef4b74e6e7206f59d12b3a1529eca8fa9",
    })
    void blockKeyDigestsMatchSignatureInfo(String file, String digests) {
        List<String> expected = Arrays.asList(digests.replace("_", "").split(" "));
        List<String> actual = SignedImage.blocks(sbv2(file)).stream().flatMap(Optional::stream)
                .map(b -> HexFormat.of().formatHex(b.publicKeyDigest())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** Parsing then rebuilding a block from its fields gives the same 1216 bytes (CRC included). */
    @ParameterizedTest
    @ValueSource(strings = {"signed_rsa3072.bin", "signed_ecdsa256.bin", "signed_ecdsa384.bin", "signed_ecdsa192.bin",
        "signed_rsa3072_x3.bin", "signed_presig_rsa3072.bin", "signed_esp32_rsa3072.bin"})
    void blocksRebuildByteForByte(String file) {
        byte[] image = sbv2(file);
        for (Optional<SignatureBlock> slot : SignedImage.blocks(image)) {
            slot.ifPresent(b -> assertThat(SignatureBlock.create(b.imageDigest(), b.publicKey(), b.signature()).toBytes())
                    .isEqualTo(b.toBytes()));
        }
    }

    @Test
    void signedContentIsTheImagePaddedWithFf() {
        byte[] padded = SignedImage.pad(Sbv2Vectors.bytes("image/esp32s3_app_small.bin"));
        assertThat(padded).isEqualTo(sbv2("unsigned_padded.bin"));
        assertThat(Arrays.copyOf(sbv2("signed_rsa3072.bin"), SECTOR)).isEqualTo(padded);
        assertThat(Arrays.copyOf(sbv2("signed_esp32_rsa3072.bin"), SECTOR))
                .isEqualTo(SignedImage.pad(Sbv2Vectors.bytes("image/esp32_app_small.bin")));
    }

    /** With the signature given (espsecure {@code --signature}) the whole file is deterministic. */
    @ParameterizedTest
    @CsvSource({"rsa3072, openssl_rsa_pss.sig, signed_presig_rsa3072.bin",
        "ecdsa256, openssl_ecdsa256.der.sig, signed_presig_ecdsa256.bin",
        "ecdsa384, openssl_ecdsa384.der.sig, signed_presig_ecdsa384.bin"})
    void precomputedSignaturesGiveTheReferenceFileExactly(String key, String sig, String expected) {
        var pub = publicKey(key);
        byte[] signature = sbv2(sig);
        SignatureScheme scheme = Signer.precomputed(pub, signature).scheme();
        if (scheme.isEcdsa()) {
            signature = Signer.ecdsaDerToRaw(signature, scheme);
        }
        byte[] ours = SignedImage.sign(sbv2("unsigned_padded.bin"), List.of(Signer.precomputed(pub, signature)));
        assertThat(ours).isEqualTo(sbv2(expected));
    }

    @Test
    void aChipRejectsACorruptedKeyFieldThatEspsecureAccepts() {
        List<byte[]> efuse = List.of(sbv2("rsa3072.digest.bin"));
        assertThat(SignedImage.verifyAgainstKeyDigests(sbv2("badrinv_rsa3072.bin"), efuse))
                .isInstanceOf(Verification.NotVerified.class);
        assertThat(SignedImage.verifyAgainstKeyDigests(sbv2("signed_rsa3072.bin"), efuse))
                .isEqualTo(new Verification.Verified(0));
        assertThat(SignedImage.verifyAgainstKeyDigests(sbv2("signed_rsa3072_x3.bin"), List.of(sbv2("rsa3072_b.digest.bin"))))
                .isEqualTo(new Verification.Verified(1));
        assertThat(SignedImage.verifyAgainstKeyDigests(sbv2("tampered_rsa3072.bin"), efuse))
                .isEqualTo(new Verification.ImageDigestMismatch(0));
    }

    @Test
    void p192ParsesButTheJdkCannotVerifyIt() {
        assertThat(SignedImage.blocks(sbv2("signed_ecdsa192.bin")).get(0)).hasValueSatisfying(
                b -> assertThat(b.scheme()).isEqualTo(SignatureScheme.ECDSA_P192));
        assertThatThrownBy(() -> SignedImage.verify(sbv2("signed_ecdsa192.bin"), publicKey("ecdsa192")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("P-192");
    }

    @Test
    void refusesUnalignedSignedImages() {
        assertThatThrownBy(() -> SignedImage.verify(new byte[5000], publicKey("rsa3072")))
                .hasMessageContaining("5000");
    }
}
