package io.fuseline.orchestrator.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.message.ChipRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates one recipe file (format: {@code docs/recipes.md}). Every problem is collected and reported
 * together in a {@link RecipeException} naming the file, the field and the reason. Thread-safe.
 */
public final class RecipeReader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern REVISION = Pattern.compile("v(\\d+)\\.(\\d+)");
    private static final Set<String> TOP = Set.of("id", "chip", "minRevision", "firmware", "flashEncryption",
            "secureBoot", "profile", "efuses", "nvs", "deviceIdentity", "keyPolicy");

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The recipe in {@code json}, read from {@code source} (a file name, used in messages only).
     *
     * @throws RecipeException listing every problem found
     */
    public Recipe read(String source, byte[] json) {
        JsonFields f = new JsonFields(source);
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RecipeException(source, List.of(source + ": at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": not valid JSON"));
        } catch (java.io.IOException e) {
            throw new RecipeException(source, List.of(source + ": unreadable: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new RecipeException(source, List.of(source + ": the file must hold one JSON object"));
        }
        f.onlyKnown(root, "", TOP);
        Recipe recipe = parse(root, f);
        if (f.problems().isEmpty()) {
            new RecipeRules(recipe, f).check();
        }
        if (!f.problems().isEmpty()) {
            throw new RecipeException(source, f.problems());
        }
        return recipe;
    }

    private Recipe parse(JsonNode root, JsonFields f) {
        String id = f.text(root, "", "id");
        if (id != null && !ID.matcher(id).matches()) {
            f.problem("/id", "must match " + ID.pattern());
        }
        ChipFamily chip = chip(root, f);
        ChipRevision minRevision = revision(root, f);
        Recipe.Firmware firmware = f.object(root, "", "firmware", true).map(n -> firmware(n, f)).orElse(null);
        Recipe.FlashEncryption fe = f.object(root, "", "flashEncryption", true).map(n -> new Recipe.FlashEncryption(
                (int) f.integer(n, "/flashEncryption", "keySizeBits"),
                f.array(n, "/flashEncryption", "keyBlocks", true).stream().map(JsonNode::asText).toList()))
                .orElse(null);
        Recipe.SecureBoot sb = f.object(root, "", "secureBoot", false).map(n -> new Recipe.SecureBoot(
                f.text(n, "/secureBoot", "keyBlock"), f.text(n, "/secureBoot", "keyDigest"))).orElse(null);
        Recipe.SecurityProfile profile = f.enumValue(root, "", "profile", Recipe.SecurityProfile.class);
        List<Recipe.EfuseSetting> efuses = new ArrayList<>();
        List<JsonNode> efuseNodes = f.array(root, "", "efuses", false);
        for (int i = 0; i < efuseNodes.size(); i++) {
            JsonNode n = efuseNodes.get(i);
            String at = "/efuses/" + i;
            f.onlyKnown(n, at, Set.of("field", "value", "writeProtect"));
            efuses.add(new Recipe.EfuseSetting(f.text(n, at, "field"), f.integer(n, at, "value"),
                    f.bool(n, at, "writeProtect", false)));
        }
        Recipe.NvsTemplate nvs = f.object(root, "", "nvs", false).map(n -> nvs(n, f)).orElse(null);
        boolean identity = f.bool(root, "", "deviceIdentity", true);
        Recipe.KeyPolicy policy = f.enumValue(root, "", "keyPolicy", Recipe.KeyPolicy.class);
        if (!f.problems().isEmpty()) {
            return null;
        }
        return new Recipe(id, chip, minRevision, firmware, fe, sb, profile, efuses, nvs, identity, policy);
    }

    private static ChipFamily chip(JsonNode root, JsonFields f) {
        String text = f.text(root, "", "chip");
        if (text == null) {
            return null;
        }
        return ChipFamily.fromName(text).orElseGet(() -> {
            f.problem("/chip", "'" + text + "' is not one of esp32, esp32s3, esp32c3");
            return null;
        });
    }

    private static ChipRevision revision(JsonNode root, JsonFields f) {
        String text = f.text(root, "", "minRevision");
        if (text == null) {
            return null;
        }
        Matcher m = REVISION.matcher(text);
        if (!m.matches()) {
            f.problem("/minRevision", "must look like v0.2 (major.minor, as esptool prints it)");
            return null;
        }
        return new ChipRevision(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static Recipe.Firmware firmware(JsonNode n, JsonFields f) {
        f.onlyKnown(n, "/firmware", Set.of("release", "secureBootSigned", "images"));
        List<Recipe.Image> images = new ArrayList<>();
        List<JsonNode> nodes = f.array(n, "/firmware", "images", true);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode img = nodes.get(i);
            String at = "/firmware/images/" + i;
            f.onlyKnown(img, at, Set.of("name", "address", "sha256", "sizeBytes", "encrypted"));
            images.add(new Recipe.Image(f.text(img, at, "name"), f.integer(img, at, "address"),
                    f.text(img, at, "sha256"), f.integer(img, at, "sizeBytes"), f.bool(img, at, "encrypted", true)));
        }
        return new Recipe.Firmware(f.text(n, "/firmware", "release"),
                f.bool(n, "/firmware", "secureBootSigned", false), images);
    }

    private static Recipe.NvsTemplate nvs(JsonNode n, JsonFields f) {
        f.onlyKnown(n, "/nvs", Set.of("namespace", "encrypted", "address", "sizeBytes", "keysAddress", "entries"));
        Map<String, String> entries = new LinkedHashMap<>();
        f.object(n, "/nvs", "entries", true).ifPresent(e -> e.fields().forEachRemaining(x -> {
            if (x.getValue().isTextual()) {
                entries.put(x.getKey(), x.getValue().textValue());
            } else {
                f.problem("/nvs/entries/" + x.getKey(), "must be a string (entries are written as NVS strings)");
            }
        }));
        return new Recipe.NvsTemplate(f.text(n, "/nvs", "namespace"), f.bool(n, "/nvs", "encrypted", true),
                f.integer(n, "/nvs", "address"), f.integer(n, "/nvs", "sizeBytes"),
                f.optionalInteger(n, "/nvs", "keysAddress"), entries);
    }
}
