package io.fuseline.hsm.custody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The spelling of JSON that audit hashes cover, the same as the orchestrator's audit chain: members sorted by name,
 * no whitespace, integers in decimal, no floating-point numbers. Thread-safe.
 */
final class CanonicalJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(node, gen);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator gen) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort(String::compareTo);
                for (String name : names) {
                    gen.writeFieldName(name);
                    write(node.get(name), gen);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode element : node) {
                    write(element, gen);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("audit JSON takes no floating-point numbers");
                }
                gen.writeNumber(node.bigIntegerValue());
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
