package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.image.AppImage;
import io.fuseline.esp.partition.PartitionTable;
import io.fuseline.esp.secureboot.JcaSigner;
import io.fuseline.esp.secureboot.SignedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoReleaseTest {
    static JcaSigner signer;

    @BeforeAll
    static void signingKey() throws IOException {
        try (InputStream in = DemoReleaseTest.class.getClassLoader()
                .getResourceAsStream("vectors/secure_boot_v2/rsa3072.pem")) {
            signer = JcaSigner.fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void theReleaseIsValidSignedAndLaidOutWithoutOverlap(ChipFamily chip) {
        List<ReleaseImage> images = new DemoRelease(chip, "1.0.0", 64 * 1024).build(signer);

        assertThat(images).extracting(ReleaseImage::name).containsExactly("bootloader", "partition-table", "app");
        assertThat(images.get(0).address()).isEqualTo(chip == ChipFamily.ESP32 ? 0x1000 : 0);
        for (ReleaseImage image : List.of(images.get(0), images.get(2))) {
            AppImage parsed = AppImage.parse(image.bytes());
            assertThat(parsed.verify()).as(image.name()).isEmpty();
            assertThat(parsed.requireChip().family()).contains(chip);
            assertThat(SignedImage.verify(image.bytes(), signer.publicKey()).ok()).as(image.name()).isTrue();
            assertThat(image.size() % 4096).isZero();
        }
        assertThat(images.get(2).size()).isGreaterThan(64 * 1024);

        PartitionTable table = PartitionTable.parse(images.get(1).bytes());
        assertThat(table.validate()).isEmpty();
        assertThat(table.nvs()).isPresent();
        assertThat(table.nvsKeys().orElseThrow().encrypted()).isTrue();
        assertThat(table.factoryApp().orElseThrow().offset()).isEqualTo(images.get(2).address());

        for (int i = 1; i < images.size(); i++) {
            ReleaseImage before = images.get(i - 1);
            assertThat(before.address() + before.size()).as("%s ends before %s", before.name(), images.get(i).name())
                    .isLessThanOrEqualTo(images.get(i).address());
        }
    }

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void theRecipeNamesEveryImageByDigestAndTheChipsKeyBlocks(ChipFamily chip) throws IOException {
        DemoRelease release = new DemoRelease(chip, "1.0.0", 1024);
        List<ReleaseImage> images = release.build(signer);
        JsonNode recipe = new ObjectMapper().readTree(DemoRecipe.json(release, images, "ab".repeat(32)));

        assertThat(recipe.get("id").asText()).isEqualTo("demo-" + chip.toolName());
        assertThat(recipe.get("firmware").get("images")).hasSize(3);
        for (int i = 0; i < images.size(); i++) {
            JsonNode entry = recipe.get("firmware").get("images").get(i);
            assertThat(entry.get("sha256").asText()).isEqualTo(images.get(i).sha256());
            assertThat(entry.get("address").asLong()).isEqualTo(images.get(i).address());
        }
        assertThat(recipe.get("flashEncryption").get("keyBlocks").get(0).asText())
                .isEqualTo(chip == ChipFamily.ESP32 ? "BLOCK1" : "BLOCK_KEY0");
        assertThat(recipe.get("secureBoot").get("keyDigest").asText()).isEqualTo("ab".repeat(32));
    }

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void theUnsignedContentIsReproducible(ChipFamily chip) {
        byte[] a = new DemoRelease(chip, "1.0.0", 4096).build(signer).get(2).bytes();
        byte[] b = new DemoRelease(chip, "1.0.0", 4096).build(signer).get(2).bytes();
        int signatureSector = a.length - 4096;
        assertThat(java.util.Arrays.copyOf(a, signatureSector)).isEqualTo(java.util.Arrays.copyOf(b, signatureSector));
    }

    @org.junit.jupiter.api.Test
    void anAppPayloadLargerThanHalfThePartitionIsRefused() {
        assertThatThrownBy(() -> new DemoRelease(ChipFamily.ESP32S3, "1", 600 * 1024))
                .hasMessageContaining("does not fit");
    }
}
