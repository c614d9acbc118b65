package io.fuseline.schemas.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.FuselineJson;
import io.fuseline.schemas.message.FuselineMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The golden example of every message type, as published in this module's test-jar: {@code examples/index.txt}
 * lists {@code <ce type>/<name>.json} files under {@code examples/}. Other modules' tests use them as fixtures.
 */
public final class GoldenExamples {
    public static final String ROOT = "examples/";
    private static final ObjectMapper MAPPER = FuselineJson.newMapper();

    /** One example: its type, its name (file name without {@code .json}) and its JSON. */
    public record Example(MessageType type, String name, ObjectNode json) {
        /** A fresh copy of the JSON, safe to mutate. */
        public ObjectNode copy() { return json.deepCopy(); }

        /** The example bound to its record (no validation). */
        public FuselineMessage message() {
            try {
                return MAPPER.treeToValue(json, type.messageClass());
            } catch (IOException e) {
                throw new UncheckedIOException(type.type() + "/" + name, e);
            }
        }

        @Override
        public String toString() { return type.type() + "/" + name; }
    }

    private GoldenExamples() {}

    /** Every example, in index order. */
    public static List<Example> all() { return load(ROOT, GoldenExamples.class.getClassLoader()); }

    /** The examples of one type. */
    public static List<Example> of(MessageType type) {
        return all().stream().filter(e -> e.type() == type).toList();
    }

    /** One example by type and name (a fresh copy: benchmarks build thousands of messages this way). */
    public static Example get(MessageType type, String name) {
        Example e = Parsed.BY_NAME.get(type.type() + "/" + name);
        if (e == null) {
            throw new IllegalArgumentException("no example " + type.type() + "/" + name);
        }
        return new Example(e.type(), e.name(), e.copy());
    }

    /**
     * The examples under {@link #ROOT} by {@code type/name}, read once (a class-path lookup per file costs far more
     * than parsing it); only ever handed out as copies.
     */
    private static final class Parsed {
        private static final Map<String, Example> BY_NAME = all().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Example::toString, e -> e));
    }

    /** The message of one example, bound to its record class. */
    public static <T extends FuselineMessage> T message(Class<T> type, String name) {
        return type.cast(get(MessageType.of(type), name).message());
    }

    /** The examples under another root with the same layout (the released copies, for instance). */
    public static List<Example> load(String root, ClassLoader loader) {
        List<Example> examples = new ArrayList<>();
        for (String entry : index(root, loader)) {
            String typeName = entry.substring(0, entry.indexOf('/'));
            String name = entry.substring(entry.indexOf('/') + 1, entry.length() - ".json".length());
            MessageType type = MessageType.fromType(typeName)
                    .orElseThrow(() -> new IllegalStateException("index names unknown type " + typeName));
            JsonNode json = read(loader, root + entry);
            examples.add(new Example(type, name, (ObjectNode) json));
        }
        return examples;
    }

    private static List<String> index(String root, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(root + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException(root + "index.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is listed in the index but missing");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
