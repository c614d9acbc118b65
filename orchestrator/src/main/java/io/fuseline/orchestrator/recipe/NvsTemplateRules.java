package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.nvs.NvsEntry;
import io.fuseline.esp.nvs.NvsException;
import io.fuseline.esp.nvs.NvsFormat;
import io.fuseline.esp.nvs.NvsPartitionGenerator;
import io.fuseline.esp.nvs.NvsValue;
import io.fuseline.schemas.message.UnitNvs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What a recipe's {@code nvs} must satisfy so that every unit gets a partition ESP-IDF mounts: a layout that fits
 * beside the release images (the per-unit {@code nvs} and {@code nvs_keys} partitions take those names), names NVS
 * can store, placeholders that exist, room for the entries with the certificate and the identity key, and an
 * encrypted partition wherever an identity private key goes (in plaintext flash anyone could read it).
 */
final class NvsTemplateRules {
    private static final long SECTOR = 0x1000;
    /** The room the fit check gives each placeholder: ids and lots are at most 64 characters. */
    private static final int PLACEHOLDER_ROOM = 64;
    /** The room for the device certificate (a P-256 certificate of the factory CA takes about 700). */
    private static final int CERTIFICATE_ROOM = 2048;
    /** The room for the identity key (PKCS#8 DER of a P-256 key: 138 bytes, 150 with the public key's header). */
    private static final int PRIVATE_KEY_ROOM = 160;

    private final Recipe r;
    private final JsonFields f;

    NvsTemplateRules(Recipe recipe, JsonFields fields) {
        this.r = recipe;
        this.f = fields;
    }

    void check() {
        Recipe.NvsTemplate nvs = r.nvs();
        if (nvs == null) {
            require(!r.deviceIdentity(), "/deviceIdentity", "the identity key and certificate are written into the "
                    + "unit's NVS partition: add /nvs, or set deviceIdentity to false");
            return;
        }
        names(nvs);
        layout(nvs);
        require(!r.deviceIdentity() || nvs.encrypted(), "/nvs/encrypted", "the device identity private key would "
                + "sit in plaintext flash: an NVS partition with an identity must be encrypted");
        if (f.problems().isEmpty()) {
            fits(nvs);
        }
    }

    private void names(Recipe.NvsTemplate nvs) {
        require(bytes(nvs.namespace()) <= NvsEntry.MAX_KEY_LENGTH, "/nvs/namespace", "at most 15 bytes");
        nvs.entries().forEach((key, value) -> {
            String at = "/nvs/entries/" + key;
            require(!key.isEmpty() && bytes(key) <= NvsEntry.MAX_KEY_LENGTH, at, "an NVS key has 1 to 15 bytes");
            require(value.indexOf('\0') < 0, at, "an NVS string cannot contain NUL");
            require(!key.equals(UnitNvs.CERTIFICATE_ENTRY) && !key.equals(UnitNvs.PRIVATE_KEY_ENTRY), at,
                    "is written by the station (" + UnitNvs.CERTIFICATE_ENTRY + ": certificate, "
                            + UnitNvs.PRIVATE_KEY_ENTRY + ": identity key)");
            Matcher m = NvsRenderer.PLACEHOLDER.matcher(value);
            while (m.find()) {
                require(Recipe.NvsTemplate.PLACEHOLDERS.contains(m.group(1)), at, "unknown placeholder ${"
                        + m.group(1) + "} (known: " + Recipe.NvsTemplate.PLACEHOLDERS + ")");
            }
        });
    }

    private void layout(Recipe.NvsTemplate nvs) {
        require(nvs.address() >= 0 && nvs.address() % SECTOR == 0, "/nvs/address", "must be 4 KiB aligned");
        require(nvs.sizeBytes() >= UnitNvs.MIN_PARTITION_BYTES && nvs.sizeBytes() % SECTOR == 0, "/nvs/sizeBytes",
                "must be a multiple of 4096 and at least 0x3000 (two pages and the one NVS keeps free)");
        Long keys = nvs.keysAddress();
        require(nvs.encrypted() == (keys != null), "/nvs/keysAddress", nvs.encrypted()
                ? "is required for an encrypted partition (ESP-IDF reads its keys from an nvs_keys partition)"
                : "an unencrypted partition has no keys partition");
        if (keys != null) {
            require(keys >= 0 && keys % SECTOR == 0, "/nvs/keysAddress", "must be 4 KiB aligned");
            require(apart(keys, UnitNvs.KEYS_PARTITION_BYTES, nvs.address(), nvs.sizeBytes()), "/nvs/keysAddress",
                    "overlaps the nvs partition");
        }
        List<Recipe.Image> images = r.firmware().images();
        for (int i = 0; i < images.size(); i++) {
            Recipe.Image img = images.get(i);
            require(!img.name().equals(UnitNvs.PARTITION_IMAGE) && !img.name().equals(UnitNvs.KEYS_IMAGE),
                    "/firmware/images/" + i + "/name", "'" + img.name() + "' is the unit's own partition, rendered "
                            + "per unit from /nvs: drop it from the release");
            require(apart(nvs.address(), nvs.sizeBytes(), img.address(), img.sizeBytes()), "/nvs/address",
                    "the nvs partition overlaps image '" + img.name() + "'");
            if (keys != null) {
                require(apart(keys, UnitNvs.KEYS_PARTITION_BYTES, img.address(), img.sizeBytes()), "/nvs/keysAddress",
                        "the nvs_keys partition overlaps image '" + img.name() + "'");
            }
        }
    }

    /** Generates the partition with the largest values a unit can bring, so no unit fails for want of room. */
    private void fits(Recipe.NvsTemplate nvs) {
        String widest = "x".repeat(PLACEHOLDER_ROOM);
        List<NvsEntry> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : nvs.entries().entrySet()) {
            String value = NvsRenderer.PLACEHOLDER.matcher(e.getValue()).replaceAll(widest);
            entries.add(new NvsEntry(nvs.namespace(), e.getKey(), new NvsValue.Text(value)));
        }
        if (r.deviceIdentity()) {
            entries.add(new NvsEntry(nvs.namespace(), UnitNvs.CERTIFICATE_ENTRY,
                    new NvsValue.Text("c".repeat(CERTIFICATE_ROOM))));
            entries.add(new NvsEntry(nvs.namespace(), UnitNvs.PRIVATE_KEY_ENTRY,
                    new NvsValue.Blob(new byte[PRIVATE_KEY_ROOM])));
        }
        try {
            NvsPartitionGenerator.generateEntries(entries, Math.toIntExact(nvs.sizeBytes()), NvsFormat.V2);
        } catch (NvsException | ArithmeticException | IllegalArgumentException e) {
            f.problem("/nvs/sizeBytes", "the entries" + (r.deviceIdentity() ? ", the certificate and the identity key"
                    : "") + " do not fit " + nvs.sizeBytes() + " bytes with " + PLACEHOLDER_ROOM
                    + "-character placeholder values: " + e.getMessage());
        }
    }

    private static boolean apart(long a, long aSize, long b, long bSize) {
        return a + aSize <= b || b + bSize <= a;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void require(boolean ok, String at, String reason) {
        if (!ok) {
            f.problem(at, reason);
        }
    }
}
