package io.fuseline.esp.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer reproduces esptool's layout byte for byte and builds images esptool's rules accept. */
class AppImageWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"esp32_app_small", "esp32_app_irom", "esp32_app_sbv2pad", "esp32_bootloader",
            "esp32c6_appdesc", "esp32s3_app_small", "esp32s3_app_sbv2pad"})
    void rewritingAReferenceImageFromItsElfSegmentsGivesEsptoolsBytes(String name) {
        byte[] file = ImageVectors.image(name);

        assertThat(AppImageWriter.write(ImageVectors.specOf(AppImage.parse(file)))).isEqualTo(file);
    }

    @Test
    void minimalAppIsValidAndCarriesItsDescriptor() {
        AppDescriptor desc = AppDescriptor.of("demo_fw", "2.0.1", 3);
        for (ImageChip chip : ImageChip.values()) {
            AppImage image = AppImage.parse(AppImageWriter.write(ImageSpec.minimalApp(chip, desc)));

            assertThat(image.verify()).as(chip.name()).isEmpty();
            assertThat(image.appDescriptor()).as(chip.name()).contains(desc);
            assertThat(image.header().chipId()).isEqualTo(chip.chipId());
            assertThat(image.segments().get(0).dataOffset()).isEqualTo(0x20);
        }
    }

    @Test
    void minimalAppWithSecurePaddingEndsOn64K() {
        ImageSpec spec = ImageSpec.minimalApp(ImageChip.ESP32S3, AppDescriptor.of("p", "1", 0)).withSecurePadV2(true);
        byte[] bytes = AppImageWriter.write(spec);

        assertThat(bytes).hasSize(0x10000);
        assertThat(AppImage.parse(bytes).securePaddedV2()).isTrue();
        assertThat(AppImage.parse(bytes).verify()).isEmpty();
    }

    @Test
    void flashSegmentsSharingAPageAreRefused() {
        ImageSpec spec = ImageSpec.minimalApp(ImageChip.ESP32, AppDescriptor.of("p", "1", 0));
        List<ImageSpec.Segment> two = List.of(spec.segments().get(0), new ImageSpec.Segment(0x3F408000L, new byte[4]));

        assertThatThrownBy(() -> AppImageWriter.write(spec.withSegments(two)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share a 64 KB");
    }

    @Test
    void descriptorStringsThatDoNotFitAreRefused() {
        AppDescriptor tooLong = AppDescriptor.of("p".repeat(32), "1", 0);

        assertThatThrownBy(tooLong::toBytes).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project_name");
    }

    @Test
    void frequencyTheChipCannotEncodeIsRefused() {
        assertThatThrownBy(() -> ImageHeader.of(ImageChip.ESP32C6, FlashMode.DIO, FlashSize.MB4, FlashFrequency.F26M,
                0, 0, 0, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("26m");
    }
}
