package io.fuseline.orchestrator.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one spelling of a JSON value that the audit chain hashes: object members sorted by name (UTF-16 code unit
 * order, as {@link String#compareTo}), no insignificant whitespace, strings escaped the way Jackson escapes them,
 * integers in plain decimal. Floating-point numbers are refused: their text is not unique ({@code 1.0}, {@code 1e0}),
 * so an audit payload carries them as strings. Thread-safe.
 */
public final class CanonicalJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {
    }

    /**
     * The canonical text of {@code node}.
     *
     * @throws IllegalArgumentException for a floating-point number, binary or other non-JSON node
     */
    public static String of(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(node, gen, "");
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator gen, String path) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort(String::compareTo);
                for (String name : names) {
                    gen.writeFieldName(name);
                    write(node.get(name), gen, path + "/" + name);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                int i = 0;
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); i++) {
                    write(it.next(), gen, path + "/" + i);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("audit JSON takes no floating-point numbers, found one at "
                            + (path.isEmpty() ? "/" : path));
                }
                gen.writeNumber(node.bigIntegerValue());
            }
            case BINARY, MISSING, POJO -> throw new IllegalArgumentException("not a JSON value at "
                    + (path.isEmpty() ? "/" : path) + ": " + node.getNodeType());
        }
    }
}
