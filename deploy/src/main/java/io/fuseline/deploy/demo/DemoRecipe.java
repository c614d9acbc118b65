package io.fuseline.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.ChipFamily;
import java.util.List;

/**
 * The orchestrator recipe (docs/recipes.md) for a demo release: release profile, flash encryption with the chip's
 * key blocks, Secure Boot V2 with the vault's signing-key digest, the unit's own encrypted NVS partition with its
 * identity (at the release's nvs and nvs_keys partitions), keys destroyed after a verified burn.
 */
public final class DemoRecipe {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoRecipe() {
    }

    /** The recipe id of a chip's demo product, e.g. {@code demo-esp32s3}. */
    public static String id(ChipFamily chip) {
        return "demo-" + chip.toolName();
    }

    /**
     * @param secureBootKeyDigest lowercase hex SHA-256 of the Secure Boot V2 public key (the vault exports it)
     */
    public static String json(DemoRelease release, List<ReleaseImage> images, String secureBootKeyDigest) {
        ChipFamily chip = release.chip();
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id(chip));
        r.put("chip", chip.toolName());
        r.put("minRevision", "v0.0");
        ObjectNode firmware = r.putObject("firmware");
        firmware.put("release", release.version());
        firmware.put("secureBootSigned", true);
        ArrayNode list = firmware.putArray("images");
        for (ReleaseImage image : images) {
            list.addObject().put("name", image.name()).put("address", image.address()).put("sizeBytes", image.size())
                    .put("encrypted", image.encrypted()).put("sha256", image.sha256());
        }
        ObjectNode fe = r.putObject("flashEncryption");
        fe.put("keySizeBits", chip == ChipFamily.ESP32 ? 256 : 128);
        fe.putArray("keyBlocks").add(chip == ChipFamily.ESP32 ? "BLOCK1" : "BLOCK_KEY0");
        r.putObject("secureBoot").put("keyBlock", chip == ChipFamily.ESP32 ? "BLOCK2" : "BLOCK_KEY1")
                .put("keyDigest", secureBootKeyDigest);
        r.put("profile", "release");
        ArrayNode efuses = r.putArray("efuses");
        if (chip == ChipFamily.ESP32) {
            // All four key ranges tweaked, as ESP-IDF's bootloader burns it: the station encrypts that way, and a
            // chip left at 0 would decrypt the flash with a different key.
            efuses.addObject().put("field", "FLASH_CRYPT_CONFIG").put("value", 15);
            efuses.addObject().put("field", "ABS_DONE_1").put("value", 1);
            efuses.addObject().put("field", "DISABLE_DL_ENCRYPT").put("value", 1);
        } else {
            efuses.addObject().put("field", "SECURE_BOOT_EN").put("value", 1);
            efuses.addObject().put("field", "DIS_DOWNLOAD_MANUAL_ENCRYPT").put("value", 1);
        }
        // Every unit's own NVS partition where the release's partition table puts nvs and nvs_keys: the entries,
        // the device certificate (device_cert) and identity key (device_key), NVS-encrypted with the unit's key.
        ObjectNode nvs = r.putObject("nvs");
        nvs.put("namespace", "fuseline");
        nvs.put("encrypted", true);
        nvs.put("address", DemoRelease.NVS_ADDRESS);
        nvs.put("sizeBytes", DemoRelease.NVS_SIZE);
        nvs.put("keysAddress", DemoRelease.NVS_KEYS_ADDRESS);
        nvs.putObject("entries").put("serial", "${mac}").put("lot", "${lot}").put("wo", "${workOrder}");
        r.put("deviceIdentity", true);
        r.put("keyPolicy", "destroy");
        try {
            return JSON.writeValueAsString(r) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
