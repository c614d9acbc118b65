package io.fuseline.schemas.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides whether a change to a released schema breaks its readers, structurally, for the subset of JSON Schema
 * that Fuseline's schemas use (type, enum/const, properties, required, additionalProperties, propertyNames, items,
 * numeric, length and count bounds, uniqueItems, pattern, format, anyOf/oneOf, local and cross-file $ref).
 *
 * <ul>
 *   <li><b>backward</b> (new writer, old reader): every document valid under the new schema must be valid under
 *   the old one. Breaks: a new enum value, a removed required member, a changed type, a new member where the old
 *   schema is closed, a looser bound or pattern.</li>
 *   <li><b>forward</b> (old writer, new reader, e.g. replaying a topic): every document valid under the old schema
 *   must be valid under the new one: the mirror image.</li>
 * </ul>
 *
 * It is conservative: a keyword it cannot compare (a changed pattern, an unknown keyword) counts as a break. Where
 * it says "compatible" the subset relation holds for the keywords above.
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {}

    /** Breaks for an old reader of documents written under {@code newer}; empty when compatible. */
    public static List<Incompatibility> backward(JsonNode older, JsonNode newer) {
        return subset(newer, older);
    }

    /** Breaks for a new reader of documents written under {@code older}; empty when compatible. */
    public static List<Incompatibility> forward(JsonNode older, JsonNode newer) {
        return subset(older, newer);
    }

    /** Both directions: what a frozen major version requires. */
    public static List<Incompatibility> full(JsonNode older, JsonNode newer) {
        List<Incompatibility> all = new ArrayList<>();
        backward(older, newer).forEach(i -> all.add(new Incompatibility(i.path(), "backward: " + i.reason())));
        forward(older, newer).forEach(i -> all.add(new Incompatibility(i.path(), "forward: " + i.reason())));
        return all;
    }

    /**
     * The schema with every {@code $ref} replaced by its target. {@code files} resolves a file name relative to the
     * schema's folder ({@code common.json}, {@code ../v1/common.json}) to its parsed content; a reference inside such
     * a file is relative to that file, as in JSON Schema, and reaches {@code files} relative to the schema's folder
     * again; {@code #/...} refers into the document that holds it.
     */
    public static JsonNode dereference(JsonNode schema, Function<String, JsonNode> files) {
        return new Dereferencer(schema, files, "").resolve(schema, 0);
    }

    /** Documents valid under {@code narrow} are all valid under {@code wide}: the breaks where they are not. */
    private static List<Incompatibility> subset(JsonNode narrow, JsonNode wide) {
        List<Incompatibility> out = new ArrayList<>();
        new SubsetCheck(out).check(narrow, wide, "");
        return out;
    }

    /**
     * Inlines $ref targets; our schemas are not recursive, so a depth limit is enough to stop a cycle. {@code location}
     * is the document's name relative to the schema's folder ({@code ""} for the schema itself).
     */
    private record Dereferencer(JsonNode root, Function<String, JsonNode> files, String location) {
        private static final int MAX_DEPTH = 32;

        JsonNode resolve(JsonNode node, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("$ref nesting deeper than " + MAX_DEPTH + ": a cycle?");
            }
            if (node.isArray()) {
                var copy = node.deepCopy();
                for (int i = 0; i < copy.size(); i++) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, resolve(node.get(i), depth));
                }
                return copy;
            }
            if (!node.isObject()) {
                return node;
            }
            if (node.has("$ref")) {
                return resolve(target(node.get("$ref").asText()), depth + 1);
            }
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                // $defs are only reachable through $ref, which is inlined: keeping them would compare them twice.
                if (!e.getKey().equals("$defs")) {
                    copy.set(e.getKey(), resolve(e.getValue(), depth));
                }
            }
            return copy;
        }

        private JsonNode target(String ref) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            String name = file.isEmpty() ? location : relativeTo(location, file);
            JsonNode document = file.isEmpty() ? root : files.apply(name);
            if (document == null) {
                throw new IllegalArgumentException("cannot resolve $ref " + ref);
            }
            JsonNode target = document.at(pointer);
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("$ref " + ref + " points nowhere");
            }
            return file.isEmpty() ? target : new Dereferencer(document, files, name).resolve(target, 1);
        }

        /** {@code file} as written in document {@code from}, made relative to the schema's folder. */
        private static String relativeTo(String from, String file) {
            java.util.Deque<String> path = new java.util.ArrayDeque<>();
            String joined = from.substring(0, from.lastIndexOf('/') + 1) + file;
            for (String segment : joined.split("/")) {
                if (segment.equals("..") && !path.isEmpty() && !path.peekLast().equals("..")) {
                    path.removeLast();
                } else if (!segment.equals(".") && !segment.isEmpty()) {
                    path.addLast(segment);
                }
            }
            return String.join("/", path);
        }
    }
}
