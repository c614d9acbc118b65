package io.fuseline.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.validation.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A released schema version is frozen: the current schema of the same version must accept exactly what the
 * released copy accepts (no reader of either breaks), and every released golden example must still decode.
 */
class ReleasedSchemasCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASED = "released/";
    private static final String CURRENT = MessageType.SCHEMA_RESOURCE_BASE;

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void theCurrentSchemaIsCompatibleWithItsReleasedCopy(MessageType type) {
        JsonNode released = dereferenced(RELEASED, type.schemaFile());
        JsonNode current = dereferenced(CURRENT, type.schemaFile());

        assertThat(SchemaCompatibility.full(released, current))
                .as("%s changed incompatibly since its release; make it a new version", type.schemaFile())
                .isEmpty();
    }

    static List<GoldenExamples.Example> releasedExamples() {
        return GoldenExamples.load(RELEASED + "v1/examples/", ReleasedSchemasCompatibilityTest.class.getClassLoader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedExamples")
    void everyReleasedExampleStillDecodes(GoldenExamples.Example example) {
        byte[] data = example.json().toString().getBytes(StandardCharsets.UTF_8);
        CloudEvent<?> event = new CloudEventCodec().decode(
                Violations.headers(example.type(), CloudEvent.subjectOf(example.message())), data);
        assertThat(event.data()).isEqualTo(example.message());
    }

    @Test
    void theCheckWouldCatchANewChipFamilyInTheCommonDefinitions() {
        // Proof that the test above can fail: widen the closed chip enum in a copy of the current common.json.
        ObjectNode common = (ObjectNode) read(CURRENT + "v1/common.json");
        ((ArrayNode) common.at("/$defs/chipFamily/enum")).add("esp32c6");
        Function<String, JsonNode> files = name -> name.equals("common.json") ? common : read(CURRENT + "v1/" + name);
        JsonNode widened = SchemaCompatibility.dereference(read(CURRENT + "v1/device.identified.json"), files);

        assertThat(SchemaCompatibility.full(dereferenced(RELEASED, "v1/device.identified.json"), widened))
                .extracting(Incompatibility::toString)
                .anySatisfy(s -> assertThat(s).contains("/properties/chip/enum", "esp32c6"));
    }

    private static JsonNode dereferenced(String base, String file) {
        // A later version refers to the shared definitions of v1 (../v1/common.json): resolve like a URI.
        URI folder = URI.create(base + file.substring(0, file.lastIndexOf('/') + 1));
        return SchemaCompatibility.dereference(read(base + file), name -> read(folder.resolve(name).toString()));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ReleasedSchemasCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s is missing (copy the schema to released/ when a version ships)", resource)
                    .isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
