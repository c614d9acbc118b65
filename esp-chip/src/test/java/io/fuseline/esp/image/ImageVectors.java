package io.fuseline.esp.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The esptool v4.12.0 reference images under {@code src/test/resources/vectors/image/} and test helpers. */
final class ImageVectors {
    /** Every reference image, by base name. */
    static final List<String> NAMES = List.of("esp32_app_small", "esp32_app_irom", "esp32_app_sbv2pad",
            "esp32_app_small_badchecksum", "esp32_bootloader", "esp32c6_appdesc", "esp32s3_app_small",
            "esp32s3_app_sbv2pad");

    private ImageVectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = ImageVectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] image(String name) {
        return bytes("image/" + name + ".bin");
    }

    /** esptool's image_info output for {@code name}, without the tool's banner line. */
    static List<String> imageInfo(String name, int version) {
        String text = new String(bytes("image/" + name + ".image_info_v" + version + ".txt"), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        return lines.subList(1, lines.size());
    }

    /**
     * The segments as the ELF gave them: padding segments (load address 0) dropped and pieces the layout
     * split off a RAM segment joined again.
     */
    static List<ImageSpec.Segment> loadedSegments(AppImage image) {
        List<ImageSpec.Segment> out = new ArrayList<>();
        for (ImageSegment s : image.segments()) {
            if (s.loadAddress() == 0) {
                continue;
            }
            if (!out.isEmpty()) {
                ImageSpec.Segment last = out.get(out.size() - 1);
                if (last.loadAddress() + last.data().length == s.loadAddress()) {
                    byte[] joined = java.util.Arrays.copyOf(last.data(), last.data().length + s.length());
                    System.arraycopy(s.data(), 0, joined, last.data().length, s.length());
                    out.set(out.size() - 1, new ImageSpec.Segment(last.loadAddress(), joined));
                    continue;
                }
            }
            out.add(new ImageSpec.Segment(s.loadAddress(), s.data()));
        }
        return out;
    }

    /** The spec that, written again, should give back {@code image}'s bytes. */
    static ImageSpec specOf(AppImage image) {
        ImageHeader h = image.header();
        ImageChip chip = image.requireChip();
        return new ImageSpec(chip, h.flashMode().orElseThrow(), h.flashSize().orElseThrow(),
                h.flashFrequency(chip).orElseThrow(), h.entryPoint(), h.minRevFull(), h.maxRevFull(),
                h.hashAppended(), image.securePaddedV2(), loadedSegments(image));
    }
}
