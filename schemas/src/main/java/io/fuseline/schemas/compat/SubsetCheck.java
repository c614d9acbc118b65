package io.fuseline.schemas.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural test "every instance valid under {@code narrow} is valid under {@code wide}", keyword by keyword,
 * on dereferenced schemas. Where it cannot prove the relation it reports a break.
 */
final class SubsetCheck {
    /** Keywords that do not constrain instances. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "deprecated", "readOnly", "writeOnly");
    private static final Set<String> HANDLED = Set.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "propertyNames", "items", "minimum", "maximum", "minLength", "maxLength",
            "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems", "pattern", "format", "anyOf",
            "oneOf");

    private final List<Incompatibility> out;

    SubsetCheck(List<Incompatibility> out) { this.out = out; }

    void check(JsonNode narrow, JsonNode wide, String path) {
        if (accepts(wide) || rejectsAll(narrow)) {
            return;
        }
        if (rejectsAll(wide)) {
            out.add(new Incompatibility(path, "allows a value where the other schema allows none"));
            return;
        }
        if (accepts(narrow)) {
            out.add(new Incompatibility(path, "accepts any value where the other schema constrains it"));
            return;
        }
        if (wide.has("anyOf") || wide.has("oneOf")) {
            alternatives(narrow, wide, path);
            return;
        }
        if (narrow.has("anyOf") || narrow.has("oneOf")) {
            for (JsonNode alternative : alternativesOf(narrow)) {
                check(merge(narrow, alternative), wide, path);
            }
            return;
        }
        types(narrow, wide, path);
        enums(narrow, wide, path);
        objects(narrow, wide, path);
        if (wide.has("items")) {
            check(narrow.has("items") ? narrow.get("items") : BooleanNode.TRUE, wide.get("items"), path + "/items");
        }
        for (String min : List.of("minimum", "minLength", "minItems", "minProperties")) {
            bound(narrow, wide, min, true, path);
        }
        for (String max : List.of("maximum", "maxLength", "maxItems", "maxProperties")) {
            bound(narrow, wide, max, false, path);
        }
        if (wide.path("uniqueItems").asBoolean(false) && !narrow.path("uniqueItems").asBoolean(false)) {
            out.add(new Incompatibility(path + "/uniqueItems", "items are no longer required to be unique"));
        }
        pattern(narrow, wide, path);
        if (wide.has("format")) {
            same(narrow, wide, "format", path);
        }
        Iterator<String> names = wide.fieldNames();
        while (names.hasNext()) {
            String keyword = names.next();
            if (!HANDLED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                same(narrow, wide, keyword, path);
            }
        }
    }

    private void types(JsonNode narrow, JsonNode wide, String path) {
        if (!wide.has("type")) {
            return;
        }
        Set<String> wideTypes = names(wide.get("type"));
        if (!narrow.has("type") && !narrow.has("enum") && !narrow.has("const")) {
            out.add(new Incompatibility(path + "/type", "no type where the other requires " + wideTypes));
            return;
        }
        for (String t : names(narrow.path("type"))) {
            boolean ok = wideTypes.contains(t) || (t.equals("integer") && wideTypes.contains("number"));
            if (!ok) {
                out.add(new Incompatibility(path + "/type", "type " + t + " is not among " + wideTypes));
            }
        }
    }

    private void enums(JsonNode narrow, JsonNode wide, String path) {
        Set<JsonNode> allowed = enumValues(wide);
        if (allowed == null) {
            return;
        }
        Set<JsonNode> values = enumValues(narrow);
        if (values == null) {
            out.add(new Incompatibility(path + "/enum", "no longer restricted to the closed set " + allowed));
            return;
        }
        for (JsonNode v : values) {
            if (!allowed.contains(v)) {
                out.add(new Incompatibility(path + "/enum", "value " + v + " is not in the closed set " + allowed));
            }
        }
    }

    private void objects(JsonNode narrow, JsonNode wide, String path) {
        for (JsonNode required : wide.path("required")) {
            if (!names(narrow.path("required")).contains(required.asText())) {
                out.add(new Incompatibility(path + "/required", "'" + required.asText() + "' is no longer required"));
            }
        }
        JsonNode narrowRest = narrow.has("additionalProperties") ? narrow.get("additionalProperties")
                : BooleanNode.TRUE;
        JsonNode wideRest = wide.has("additionalProperties") ? wide.get("additionalProperties") : BooleanNode.TRUE;
        JsonNode wideProps = wide.path("properties");
        for (Map.Entry<String, JsonNode> p : narrow.path("properties").properties()) {
            String at = path + "/properties/" + p.getKey();
            check(p.getValue(), wideProps.has(p.getKey()) ? wideProps.get(p.getKey()) : wideRest, at);
        }
        for (Map.Entry<String, JsonNode> p : wideProps.properties()) {
            if (!narrow.path("properties").has(p.getKey())) {
                // The member left the narrow schema but may still appear through its additionalProperties.
                check(narrowRest, p.getValue(), path + "/properties/" + p.getKey());
            }
        }
        if (!accepts(wideRest) || narrow.has("additionalProperties") || wide.has("properties")) {
            check(narrowRest, wideRest, path + "/additionalProperties");
        }
        if (wide.has("propertyNames")) {
            check(narrow.has("propertyNames") ? narrow.get("propertyNames") : BooleanNode.TRUE,
                    wide.get("propertyNames"), path + "/propertyNames");
        }
    }

    private void bound(JsonNode narrow, JsonNode wide, String keyword, boolean lower, String path) {
        if (!wide.has(keyword)) {
            return;
        }
        double limit = wide.get(keyword).asDouble();
        if (!narrow.has(keyword)) {
            out.add(new Incompatibility(path + "/" + keyword, "the bound " + keyword + "=" + wide.get(keyword)
                    + " was dropped"));
            return;
        }
        double value = narrow.get(keyword).asDouble();
        if (lower ? value < limit : value > limit) {
            out.add(new Incompatibility(path + "/" + keyword, keyword + " " + narrow.get(keyword)
                    + " is looser than " + wide.get(keyword)));
        }
    }

    private void pattern(JsonNode narrow, JsonNode wide, String path) {
        if (!wide.has("pattern")) {
            return;
        }
        String regex = wide.get("pattern").asText();
        Set<JsonNode> values = enumValues(narrow);
        if (values != null) {
            Pattern p = Pattern.compile(regex);
            values.stream().filter(v -> !v.isTextual() || !p.matcher(v.asText()).find()).forEach(v -> out.add(
                    new Incompatibility(path + "/pattern", "value " + v + " does not match " + regex)));
            return;
        }
        if (!regex.equals(narrow.path("pattern").asText(null))) {
            // Regex containment is undecidable in general: any change counts.
            out.add(new Incompatibility(path + "/pattern", "pattern " + narrow.path("pattern").asText("(none)")
                    + " is not the same as " + regex));
        }
    }

    private void same(JsonNode narrow, JsonNode wide, String keyword, String path) {
        if (!wide.get(keyword).equals(narrow.get(keyword))) {
            out.add(new Incompatibility(path + "/" + keyword, keyword + " changed from " + wide.get(keyword)
                    + " to " + narrow.get(keyword)));
        }
    }

    private void alternatives(JsonNode narrow, JsonNode wide, String path) {
        List<JsonNode> candidates = narrow.has("anyOf") || narrow.has("oneOf")
                ? alternativesOf(narrow).stream().map(a -> merge(narrow, a)).toList() : List.of(narrow);
        for (JsonNode candidate : candidates) {
            boolean fits = alternativesOf(wide).stream()
                    .anyMatch(w -> tryCheck(candidate, merge(wide, w), path).isEmpty());
            if (!fits) {
                out.add(new Incompatibility(path + "/anyOf", "an alternative fits none of the other's"));
            }
        }
    }

    private List<Incompatibility> tryCheck(JsonNode narrow, JsonNode wide, String path) {
        List<Incompatibility> found = new ArrayList<>();
        new SubsetCheck(found).check(narrow, wide, path);
        return found;
    }

    private static List<JsonNode> alternativesOf(JsonNode schema) {
        List<JsonNode> all = new ArrayList<>();
        schema.path("anyOf").forEach(all::add);
        schema.path("oneOf").forEach(all::add);
        return all;
    }

    /** The base schema's own keywords with one alternative's laid over them (alternatives win on conflict). */
    private static JsonNode merge(JsonNode base, JsonNode alternative) {
        var merged = ((com.fasterxml.jackson.databind.node.ObjectNode) base).deepCopy();
        merged.remove(List.of("anyOf", "oneOf"));
        if (alternative.isObject()) {
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) alternative);
        }
        return alternative.isBoolean() ? alternative : merged;
    }

    private static Set<JsonNode> enumValues(JsonNode schema) {
        if (schema.has("const")) {
            return Set.of(schema.get("const"));
        }
        if (!schema.has("enum")) {
            return null;
        }
        Set<JsonNode> values = new HashSet<>();
        schema.get("enum").forEach(values::add);
        return values;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isTextual()) {
            names.add(node.asText());
        }
        node.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static boolean accepts(JsonNode schema) {
        if (schema.isBoolean()) {
            return schema.asBoolean();
        }
        Iterator<String> names = schema.fieldNames();
        while (names.hasNext()) {
            if (!ANNOTATIONS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean rejectsAll(JsonNode schema) {
        return schema.isBoolean() && !schema.asBoolean();
    }
}
