package io.fuseline.orchestrator.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.message.ChipRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RecipeReaderTest {
    static final Path DIR = Path.of("src/test/resources/recipes");
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode sample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(DIR.resolve("sensor-s3-v2.json")));
    }

    @Test
    void theSampleRecipeLoads() {
        RecipeBook book = RecipeBook.load(DIR);
        Recipe r = book.find("sensor-s3-v2").orElseThrow();
        assertThat(r.chip()).isEqualTo(ChipFamily.ESP32S3);
        assertThat(r.accepts(new ChipRevision(0, 2))).isTrue();
        assertThat(r.accepts(new ChipRevision(0, 0))).isFalse();
        assertThat(r.firmware().images()).hasSize(3);
        assertThat(r.nvs().entries().keySet()).containsExactly("serial", "lot", "wo");
        assertThat(r.nvs().keysAddress()).isEqualTo(0xF000L);
        assertThat(r.keyPolicy()).isEqualTo(Recipe.KeyPolicy.DESTROY);
    }

    @Test
    void everyProblemNamesFileFieldAndReason() throws Exception {
        ObjectNode bad = sample();
        ((ObjectNode) bad.withArray("/firmware/images").get(0)).put("sha256", "ABC");
        ((ObjectNode) bad.withArray("/firmware/images").get(1)).put("address", 100);
        bad.put("chip", "esp8266");
        bad.put("colour", "blue");

        assertThatThrownBy(() -> read(bad)).isInstanceOf(RecipeException.class)
                .satisfies(e -> assertThat(((RecipeException) e).problems()).containsExactlyInAnyOrder(
                        "bad.json: /colour: unknown member (expected one of [chip, deviceIdentity, efuses, "
                                + "firmware, flashEncryption, id, keyPolicy, minRevision, nvs, profile, secureBoot])",
                        "bad.json: /chip: 'esp8266' is not one of esp32, esp32s3, esp32c3"));
        ObjectNode bad2 = sample();
        ((ObjectNode) bad2.withArray("/firmware/images").get(0)).put("sha256", "ABC");
        ((ObjectNode) bad2.withArray("/firmware/images").get(1)).put("address", 100);
        assertThatThrownBy(() -> read(bad2)).satisfies(e -> assertThat(((RecipeException) e).problems())
                .contains("bad.json: /firmware/images/0/sha256: must be 64 lowercase hex digits",
                        "bad.json: /firmware/images/1/address: must be 4 KiB aligned"));
    }

    @Test
    void aReleaseProfileMustLockDownloadModeAndADevelopmentProfileMustNot() throws Exception {
        assertProblem(r -> ((ArrayNode) r.get("efuses")).remove(1),
                "bad.json: /efuses: a release profile must burn DIS_DOWNLOAD_MANUAL_ENCRYPT");
        assertProblem(r -> r.put("profile", "development"),
                "bad.json: /efuses: a development profile must not burn DIS_DOWNLOAD_MANUAL_ENCRYPT");
    }

    @Test
    void secureBootNeedsSignedFirmwareItsEnableBitAndAFreeKeyBlock() throws Exception {
        assertProblem(r -> ((ObjectNode) r.get("firmware")).put("secureBootSigned", false), "/secureBoot: Secure Boot "
                + "over unsigned firmware (/firmware/secureBootSigned false) would never boot");
        assertProblem(r -> ((ObjectNode) r.get("secureBoot")).put("keyBlock", "BLOCK_KEY0"),
                "/secureBoot/keyBlock: BLOCK_KEY0 is used twice");
        assertProblem(r -> ((ArrayNode) r.get("efuses")).remove(0),
                "/efuses: Secure Boot needs SECURE_BOOT_EN in the list of eFuses to burn");
    }

    @Test
    void keySizesKeyBlocksEfuseFieldsAndNvsPlaceholdersAreChecked() throws Exception {
        assertProblem(r -> ((ObjectNode) r.get("flashEncryption")).put("keySizeBits", 192),
                "/flashEncryption/keySizeBits: esp32s3 supports [128, 256] bits");
        assertProblem(r -> ((ObjectNode) r.get("flashEncryption")).put("keySizeBits", 256),
                "/flashEncryption/keyBlocks: a 256-bit key on esp32s3 takes 2 key block(s)");
        assertProblem(r -> ((ObjectNode) ((ArrayNode) r.get("efuses")).get(0)).put("field", "SECURE_BOOT_ON"),
                "/efuses/0/field: 'SECURE_BOOT_ON' is not an eFuse field of esp32s3");
        assertProblem(r -> ((ObjectNode) r.at("/nvs/entries")).put("x", "${password}"),
                "/nvs/entries/x: unknown placeholder ${password}");
        assertProblem(r -> r.put("chip", "esp32"), "/flashEncryption/keySizeBits: esp32 supports [256] bits");
    }

    @Test
    void esp32FlashEncryptionMustBurnTheTweakTheStationEncryptsWith() throws Exception {
        ObjectNode esp32 = esp32(sample());
        assertThat(read(esp32).chip()).isEqualTo(io.fuseline.esp.ChipFamily.ESP32);
        String reason = "/efuses: flash encryption on esp32 needs FLASH_CRYPT_CONFIG = 0xF";
        assertProblem(r -> ((ArrayNode) esp32(r).get("efuses")).remove(2), reason);
        assertProblem(r -> ((ObjectNode) esp32(r).get("efuses").get(2)).put("value", 3), reason);
    }

    /** The sample recipe made an ESP32 one: a 256-bit key in BLOCK1, the digest in BLOCK2, the ESP32's fuses. */
    private static ObjectNode esp32(ObjectNode r) {
        r.put("chip", "esp32");
        ((ObjectNode) r.get("flashEncryption")).put("keySizeBits", 256).putArray("keyBlocks").add("BLOCK1");
        ((ObjectNode) r.get("secureBoot")).put("keyBlock", "BLOCK2");
        ArrayNode efuses = r.putArray("efuses");
        efuses.addObject().put("field", "ABS_DONE_1").put("value", 1);
        efuses.addObject().put("field", "DISABLE_DL_ENCRYPT").put("value", 1);
        efuses.addObject().put("field", "FLASH_CRYPT_CONFIG").put("value", 15);
        return r;
    }

    @Test
    void theNvsPartitionsMustFitBesideTheReleaseAndHoldTheUnitsIdentity() throws Exception {
        assertProblem(r -> nvs(r).remove("address"), "/nvs/address: is required");
        assertProblem(r -> nvs(r).put("address", 0x9100), "/nvs/address: must be 4 KiB aligned");
        assertProblem(r -> nvs(r).put("sizeBytes", 0x2000), "/nvs/sizeBytes: must be a multiple of 4096 and at "
                + "least 0x3000");
        assertProblem(r -> nvs(r).put("address", 0xF000), "/nvs/address: the nvs partition overlaps image 'app'");
        assertProblem(r -> nvs(r).put("keysAddress", 0x8000),
                "/nvs/keysAddress: the nvs_keys partition overlaps image 'partition-table'");
        assertProblem(r -> nvs(r).put("keysAddress", 0xA000), "/nvs/keysAddress: overlaps the nvs partition");
        assertProblem(r -> nvs(r).remove("keysAddress"), "/nvs/keysAddress: is required for an encrypted partition");
        assertProblem(r -> {
            nvs(r).put("encrypted", false);
            r.put("deviceIdentity", false);
        }, "/nvs/keysAddress: an unencrypted partition has no keys partition");
        assertProblem(r -> {
            nvs(r).put("encrypted", false);
            nvs(r).remove("keysAddress");
        }, "/nvs/encrypted: the device identity private key would sit in plaintext flash");
        assertProblem(r -> r.remove("nvs"), "/deviceIdentity: the identity key and certificate are written into");
        assertProblem(r -> ((ObjectNode) r.withArray("/firmware/images").get(1)).put("name", "nvs"),
                "/firmware/images/1/name: 'nvs' is the unit's own partition");
        assertProblem(r -> ((ObjectNode) r.at("/nvs/entries")).put("device_key", "${mac}"),
                "/nvs/entries/device_key: is written by the station");
        assertProblem(r -> ((ObjectNode) r.at("/nvs/entries")).put("n", 7), "/nvs/entries/n: must be a string");
        assertProblem(r -> ((ObjectNode) r.at("/nvs/entries")).put("sixteen-letters!", "x"),
                "/nvs/entries/sixteen-letters!: an NVS key has 1 to 15 bytes");
    }

    @Test
    void entriesThatCannotFitThePartitionAreRefusedAtLoadNotOnTheLine() throws Exception {
        assertProblem(r -> {
            nvs(r).put("sizeBytes", 0x3000);
            ObjectNode entries = (ObjectNode) r.at("/nvs/entries");
            for (int i = 0; i < 3; i++) {
                entries.put("big" + i, "x".repeat(3000));
            }
        }, "/nvs/sizeBytes: the entries, the certificate and the identity key do not fit 12288 bytes");
        // One large entry without an identity fits the smallest partition.
        ObjectNode plain = sample();
        plain.put("deviceIdentity", false);
        nvs(plain).put("sizeBytes", 0x3000);
        ((ObjectNode) plain.at("/nvs/entries")).put("big", "x".repeat(3000));
        assertThat(read(plain).nvs().entries()).containsKey("big");
    }

    private static ObjectNode nvs(ObjectNode recipe) {
        return (ObjectNode) recipe.get("nvs");
    }

    private static void assertProblem(Consumer<ObjectNode> change, String expected) throws Exception {
        ObjectNode r = sample();
        change.accept(r);
        assertThatThrownBy(() -> read(r)).isInstanceOf(RecipeException.class)
                .satisfies(e -> assertThat(((RecipeException) e).problems()).anyMatch(p -> p.contains(expected)));
    }

    private static Recipe read(ObjectNode json) throws Exception {
        return new RecipeReader().read("bad.json", JSON.writeValueAsBytes(json));
    }
}
