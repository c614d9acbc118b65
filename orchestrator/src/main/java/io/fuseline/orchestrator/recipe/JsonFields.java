package io.fuseline.orchestrator.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed members from a JSON tree while collecting problems as {@code file: /pointer: reason}, so one load
 * reports every mistake in a file rather than the first.
 */
final class JsonFields {
    private final String source;
    private final List<String> problems = new ArrayList<>();

    JsonFields(String source) {
        this.source = source;
    }

    void problem(String pointer, String reason) {
        problems.add(source + ": " + pointer + ": " + reason);
    }

    List<String> problems() { return problems; }

    /** Refuses members that are not in {@code known}: a misspelt key must not silently fall back to a default. */
    void onlyKnown(JsonNode node, String at, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(at + "/" + name, "unknown member (expected one of " + new java.util.TreeSet<>(known) + ")");
            }
        });
    }

    Optional<JsonNode> object(JsonNode parent, String at, String name, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                problem(at + "/" + name, "is required");
            }
            return Optional.empty();
        }
        if (!n.isObject()) {
            problem(at + "/" + name, "must be an object");
            return Optional.empty();
        }
        return Optional.of(n);
    }

    List<JsonNode> array(JsonNode parent, String at, String name, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                problem(at + "/" + name, "is required");
            }
            return List.of();
        }
        if (!n.isArray()) {
            problem(at + "/" + name, "must be an array");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        n.forEach(items::add);
        return items;
    }

    String text(JsonNode parent, String at, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            problem(at + "/" + name, n == null ? "is required" : "must be a non-empty string");
            return null;
        }
        return n.textValue();
    }

    long integer(JsonNode parent, String at, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            problem(at + "/" + name, n == null ? "is required" : "must be an integer");
            return 0;
        }
        return n.longValue();
    }

    /** An integer member that may be absent (null then). */
    Long optionalInteger(JsonNode parent, String at, String name) {
        return parent.has(name) ? integer(parent, at, name) : null;
    }

    boolean bool(JsonNode parent, String at, String name, boolean defaultValue) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return defaultValue;
        }
        if (!n.isBoolean()) {
            problem(at + "/" + name, "must be true or false");
            return defaultValue;
        }
        return n.booleanValue();
    }

    <E extends Enum<E>> E enumValue(JsonNode parent, String at, String name, Class<E> type) {
        String text = text(parent, at, name);
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        problem(at + "/" + name, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                .toLowerCase(java.util.Locale.ROOT));
        return null;
    }
}
