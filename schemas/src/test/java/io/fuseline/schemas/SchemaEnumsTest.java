package io.fuseline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.JigState;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.StepKind;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The closed sets in the JSON Schemas equal the Java enums they mirror, so neither can drift: chip family and key
 * purpose come from esp-chip, the others are this module's.
 */
class SchemaEnumsTest {
    private static final JsonNode COMMON = read(MessageType.SCHEMA_RESOURCE_BASE + "v1/common.json");

    @Test
    void chipFamilyIsEspChipsToolNames() {
        assertThat(schemaEnum("chipFamily")).containsExactlyElementsOf(names(ChipFamily.values(), ChipFamily::toolName));
    }

    @Test
    void keyPurposeIsEspChipsEnumNames() {
        assertThat(schemaEnum("keyPurpose")).containsExactlyElementsOf(names(KeyPurpose.values(), KeyPurpose::name));
    }

    @Test
    void thisModulesEnumsMatchTheirSchemaSets() {
        assertThat(schemaEnum("stepKind")).containsExactlyElementsOf(names(StepKind.values(), Enum::name));
        assertThat(schemaEnum("failureReason")).containsExactlyElementsOf(names(FailureReason.values(), Enum::name));
        assertThat(schemaEnum("quarantineReason"))
                .containsExactlyElementsOf(names(QuarantineReason.values(), Enum::name));
        assertThat(schemaEnum("disposition")).containsExactlyElementsOf(names(Disposition.values(), Enum::name));
        assertThat(schemaEnum("secretKind")).containsExactlyElementsOf(names(SecretKind.values(), Enum::name));
        assertThat(schemaEnum("jigState")).containsExactlyElementsOf(names(JigState.values(), Enum::name));
    }

    @Test
    void noSchemaSpellsAnEnumOfItsOwn() {
        // Every closed set lives once, in common.json, where the tests above pin it.
        for (MessageType type : MessageType.values()) {
            String text = read(type.schemaResource()).toString();
            assertThat(text).as(type.schemaFile()).doesNotContain("\"enum\"");
        }
    }

    @Test
    void everyTypeHasItsSchemaUnderItsId() {
        for (MessageType type : MessageType.values()) {
            JsonNode schema = read(type.schemaResource());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(type.schemaId());
            assertThat(schema.path("title").asText()).contains(type.messageClass().getSimpleName(), type.type());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(type.type()).isFalse();
        }
    }

    @Test
    void typeStringsAreVersionedAndUnique() {
        assertThat(Arrays.stream(MessageType.values()).map(MessageType::type))
                .allMatch(t -> t.matches("io\\.fuseline\\.[a-z]+\\.[a-z]+\\.v[0-9]+")).doesNotHaveDuplicates();
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.fromType(type.type())).contains(type);
            // A record shared by several versions maps to the oldest; the message's content picks its own.
            assertThat(MessageType.of(type.messageClass()).messageClass()).isEqualTo(type.messageClass());
            assertThat(MessageType.of(type.messageClass()).version()).isLessThanOrEqualTo(type.version());
        }
        assertThat(Arrays.stream(MessageType.values()).map(t -> t.messageClass().getSimpleName() + t.version()))
                .as("one type per record and version").doesNotHaveDuplicates();
        assertThat(MessageType.fromType("io.fuseline.nope.v1")).isEmpty();
    }

    private static List<String> schemaEnum(String def) {
        List<String> values = new ArrayList<>();
        COMMON.path("$defs").path(def).path("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(def).isNotEmpty();
        return values;
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaEnumsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
