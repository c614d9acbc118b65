package io.fuseline.esp.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and verifying the reference images, and the typed errors for broken ones. */
class AppImageTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @ValueSource(strings = {"esp32_app_small", "esp32_app_irom", "esp32_app_sbv2pad", "esp32_bootloader",
            "esp32c6_appdesc", "esp32s3_app_small", "esp32s3_app_sbv2pad"})
    void referenceImagesVerify(String name) {
        byte[] file = ImageVectors.image(name);
        AppImage image = AppImage.parse(file);

        assertThat(image.verify()).isEmpty();
        assertThat(image.length()).isEqualTo(file.length);
        assertThat(image.digest()).hasValueSatisfying(d -> assertThat(d.valid()).isTrue());
    }

    @Test
    void flippedChecksumReportsChecksumAndDigestWithStoredAndComputedValues() {
        byte[] file = ImageVectors.image("esp32_app_small_badchecksum");

        assertThat(AppImage.parse(file).verify()).containsExactly(
                new ImageProblem.ChecksumMismatch(0x81, 0x7e),
                new ImageProblem.DigestMismatch(Arrays.copyOfRange(file, file.length - 32, file.length),
                        HEX.parseHex("e455d9dcf3fe1498249882c4daedeea33f3f83d927d858ed26b126451465dfdf")));
    }

    @Test
    void appDescriptorIsReadFromTheFirstDromSegment() {
        AppDescriptor d = AppImage.parse(ImageVectors.image("esp32s3_app_small")).appDescriptor().orElseThrow();

        assertThat(d.projectName()).isEqualTo("vec_app");
        assertThat(d.version()).isEqualTo("1.2.3");
        assertThat(d.secureVersion()).isZero();
        assertThat(d.idfVersion()).isEqualTo("v5.3-synthetic");
        assertThat(d.mmuPageSize()).contains(0x10000);
        assertThat(HEX.formatHex(d.appElfSha256()))
                .isEqualTo("7152acd4d61d98350a131fcfa5ddf309550a1fece31c63daeff129b39d35313d");
        assertThat(AppImage.parse(ImageVectors.image("esp32c6_appdesc")).appDescriptor().orElseThrow().secureVersion())
                .isEqualTo(0xFFFF_FFFFL);
        assertThat(AppImage.parse(ImageVectors.image("esp32_bootloader")).appDescriptor()).isEmpty();
    }

    @Test
    void securePadV2ImagesEndOnA64KBoundaryAndOthersDoNot() {
        assertThat(AppImage.parse(ImageVectors.image("esp32_app_sbv2pad")).securePaddedV2()).isTrue();
        assertThat(AppImage.parse(ImageVectors.image("esp32s3_app_sbv2pad")).securePaddedV2()).isTrue();
        assertThat(AppImage.parse(ImageVectors.image("esp32_app_small")).securePaddedV2()).isFalse();
    }

    @Test
    void signedImageParsesIgnoringTheSignatureSector() {
        byte[] signed = ImageVectors.bytes("secure_boot_v2/signed_esp32_rsa3072.bin");
        AppImage image = AppImage.parse(signed);

        assertThat(image.verify()).isEmpty();
        assertThat(image.length()).isEqualTo(ImageVectors.image("esp32_app_small").length);
    }

    @Test
    void structuralErrorsNameWhatWasReadAndExpected() {
        byte[] good = ImageVectors.image("esp32_app_small");

        byte[] magic = good.clone();
        magic[0] = (byte) 0xE8;
        assertThatThrownBy(() -> AppImage.parse(magic)).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(new ImageProblem.BadMagic(0xE8)));

        byte[] flag = good.clone();
        flag[23] = 2;
        assertThatThrownBy(() -> AppImage.parse(flag)).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(new ImageProblem.BadHashAppendedFlag(2)));

        assertThatThrownBy(() -> AppImage.parse(Arrays.copyOf(good, 0x400))).isInstanceOfSatisfying(
                ImageFormatException.class, e -> assertThat(e.problem())
                        .isEqualTo(new ImageProblem.Truncated("data of segment 0", 0x20 + 0x4e0, 0x400)));

        assertThatThrownBy(() -> AppImage.parse(Arrays.copyOf(good, good.length - 1))).isInstanceOfSatisfying(
                ImageFormatException.class, e -> assertThat(e.problem())
                        .isEqualTo(new ImageProblem.Truncated("appended SHA-256", good.length, good.length - 1)));

        byte[] many = good.clone();
        many[1] = 17;
        assertThatThrownBy(() -> AppImage.parse(many)).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(new ImageProblem.TooManySegments(17)));
    }

    @Test
    void unknownChipIdParsesButCannotBeReported() {
        byte[] file = ImageVectors.image("esp32_app_small");
        file[12] = 99;

        assertThat(AppImage.parse(file).chip()).isEmpty();
        assertThatThrownBy(() -> ImageInfo.of(file)).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(new ImageProblem.UnknownChip(99)));
    }

    @Test
    void flashSegmentOffItsPageOffsetIsReported() {
        byte[] file = ImageVectors.image("esp32_app_irom");
        // move the IROM segment's load address by 0x100: its data no longer sits at the page offset
        file[0x10018 + 1] = 0x01;

        assertThat(AppImage.parse(file).verify()).contains(
                new ImageProblem.FlashSegmentMisaligned(4, 0x400d0120L, 0x10020, 0x10000));
    }
}
