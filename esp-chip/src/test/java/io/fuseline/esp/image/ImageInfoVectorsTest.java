package io.fuseline.esp.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our image_info rendering of every reference image equals esptool v4.12.0's, line for line. */
class ImageInfoVectorsTest {
    static java.util.List<String> names() {
        return ImageVectors.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void version2ReportMatchesEsptool(String name) {
        ImageInfo info = ImageInfo.of(ImageVectors.image(name));

        assertThat(ImageInfoText.v2(info).lines().toList()).containsExactlyElementsOf(ImageVectors.imageInfo(name, 2));
    }

    @ParameterizedTest
    @MethodSource("names")
    void version1ReportMatchesEsptool(String name) {
        ImageInfo info = ImageInfo.of(ImageVectors.image(name));

        assertThat(ImageInfoText.v1(info).lines().toList()).containsExactlyElementsOf(ImageVectors.imageInfo(name, 1));
    }
}
