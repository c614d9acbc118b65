package io.fuseline.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker against small made-up schema pairs: each breaking change is caught, each safe one is not. */
class SchemaCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OLD = """
            {"type":"object","additionalProperties":false,"required":["id","kind"],
             "properties":{"id":{"type":"string","maxLength":16},
                           "kind":{"enum":["A","B"]},
                           "note":{"type":"string"},
                           "steps":{"type":"array","items":{"type":"object","properties":{"n":{"type":"integer",
                                    "minimum":1}}}}}}""";

    @Test
    void anIdenticalSchemaIsCompatible() {
        assertThat(SchemaCompatibility.full(json(OLD), json(OLD))).isEmpty();
    }

    @Test
    void aNewEnumValueBreaksOldReaders() {
        JsonNode newer = json(OLD.replace("[\"A\",\"B\"]", "[\"A\",\"B\",\"C\"]"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).singleElement()
                .satisfies(i -> assertThat(i.toString()).contains("/properties/kind/enum", "\"C\""));
        assertThat(SchemaCompatibility.forward(json(OLD), newer)).isEmpty();
    }

    @Test
    void aRemovedEnumValueBreaksNewReadersOfOldRecords() {
        JsonNode newer = json(OLD.replace("[\"A\",\"B\"]", "[\"A\"]"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).isEmpty();
        assertThat(SchemaCompatibility.forward(json(OLD), newer)).extracting(Incompatibility::path)
                .contains("/properties/kind/enum");
    }

    @Test
    void aRemovedRequiredMemberBreaksOldReaders() {
        JsonNode newer = json(OLD.replace("\"required\":[\"id\",\"kind\"]", "\"required\":[\"id\"]"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).extracting(Incompatibility::reason)
                .contains("'kind' is no longer required");
    }

    @Test
    void aNewRequiredMemberBreaksBothWaysWhenTheOldSchemaIsClosed() {
        JsonNode newer = json(OLD.replace("\"required\":[\"id\",\"kind\"]", "\"required\":[\"id\",\"kind\",\"x\"]")
                .replace("\"note\":{\"type\":\"string\"}", "\"note\":{\"type\":\"string\"},\"x\":{\"type\":\"integer\"}"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).extracting(Incompatibility::path)
                .contains("/properties/x");
        assertThat(SchemaCompatibility.forward(json(OLD), newer)).extracting(Incompatibility::reason)
                .contains("'x' is no longer required");
    }

    @Test
    void aChangedTypeBreaksBothWays() {
        JsonNode newer = json(OLD.replace("\"id\":{\"type\":\"string\",\"maxLength\":16}",
                "\"id\":{\"type\":\"integer\"}"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).extracting(Incompatibility::path)
                .contains("/properties/id/type");
        assertThat(SchemaCompatibility.forward(json(OLD), newer)).extracting(Incompatibility::path)
                .contains("/properties/id/type");
    }

    @Test
    void aNewOptionalMemberBreaksReadersOfAClosedSchemaOnly() {
        String withExtra = OLD.replace("\"note\":{\"type\":\"string\"}",
                "\"note\":{\"type\":\"string\"},\"extra\":{\"type\":\"boolean\"}");
        assertThat(SchemaCompatibility.backward(json(OLD), json(withExtra))).extracting(Incompatibility::path)
                .containsExactly("/properties/extra");

        String open = OLD.replace("\"additionalProperties\":false,", "");
        String openWithExtra = withExtra.replace("\"additionalProperties\":false,", "");
        assertThat(SchemaCompatibility.backward(json(open), json(openWithExtra))).isEmpty();
    }

    @Test
    void openingAClosedSchemaBreaksOldReaders() {
        JsonNode newer = json(OLD.replace("\"additionalProperties\":false", "\"additionalProperties\":true"));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).extracting(Incompatibility::path)
                .contains("/additionalProperties");
    }

    @Test
    void removingAMemberThatAnOpenSchemaStillAcceptsBreaksOldReaders() {
        String open = OLD.replace("\"additionalProperties\":false,", "");
        JsonNode newer = json(open.replace("\"note\":{\"type\":\"string\"},", ""));
        assertThat(SchemaCompatibility.backward(json(open), newer)).extracting(Incompatibility::path)
                .contains("/properties/note");
    }

    @Test
    void boundsMayTightenForOldReadersButNotLoosen() {
        JsonNode looser = json(OLD.replace("\"maxLength\":16", "\"maxLength\":64"));
        JsonNode tighter = json(OLD.replace("\"maxLength\":16", "\"maxLength\":8"));
        assertThat(SchemaCompatibility.backward(json(OLD), looser)).extracting(Incompatibility::path)
                .containsExactly("/properties/id/maxLength");
        assertThat(SchemaCompatibility.backward(json(OLD), tighter)).isEmpty();
        assertThat(SchemaCompatibility.forward(json(OLD), tighter)).extracting(Incompatibility::path)
                .containsExactly("/properties/id/maxLength");
    }

    @Test
    void aChangedNestedTypeIsFoundInsideArrays() {
        JsonNode newer = json(OLD.replace("{\"n\":{\"type\":\"integer\",", "{\"n\":{\"type\":\"number\","));
        assertThat(SchemaCompatibility.backward(json(OLD), newer)).extracting(Incompatibility::path)
                .containsExactly("/properties/steps/items/properties/n/type");
        // An integer is a number: widening breaks old readers only.
        assertThat(SchemaCompatibility.forward(json(OLD), newer)).isEmpty();
    }

    @Test
    void aChangedPatternCountsAsABreak() {
        JsonNode older = json("{\"type\":\"string\",\"pattern\":\"^[a-f]{4}$\"}");
        JsonNode newer = json("{\"type\":\"string\",\"pattern\":\"^[a-f]{4,8}$\"}");
        assertThat(SchemaCompatibility.backward(older, newer)).extracting(Incompatibility::path)
                .containsExactly("/pattern");
    }

    @Test
    void anEnumMayReplaceAPatternItMatches() {
        JsonNode older = json("{\"type\":\"string\",\"pattern\":\"^[a-f]{4}$\"}");
        assertThat(SchemaCompatibility.backward(older, json("{\"type\":\"string\",\"enum\":[\"abcd\"]}"))).isEmpty();
        assertThat(SchemaCompatibility.backward(older, json("{\"type\":\"string\",\"enum\":[\"xyz\"]}")))
                .isNotEmpty();
    }

    @Test
    void alternativesAreComparedOneByOne() {
        JsonNode older = json("{\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^m$\"},{\"const\":\"line\"}]}");
        JsonNode sameAgain = json("{\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^m$\"},{\"const\":\"line\"}]}");
        JsonNode widened = json("{\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^m$\"},{\"const\":\"line\"},"
                + "{\"const\":\"station\"}]}");
        assertThat(SchemaCompatibility.full(older, sameAgain)).isEmpty();
        assertThat(SchemaCompatibility.backward(older, widened)).isNotEmpty();
        assertThat(SchemaCompatibility.forward(older, widened)).isEmpty();
    }

    @Test
    void referencesAreFollowedIntoOtherFiles() {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"chip\":{\"$ref\":\"common.json#/$defs/chip\"}}}");
        JsonNode oldCommon = json("{\"$defs\":{\"chip\":{\"enum\":[\"esp32\",\"esp32s3\"]}}}");
        JsonNode newCommon = json("{\"$defs\":{\"chip\":{\"enum\":[\"esp32\",\"esp32s3\",\"esp32c6\"]}}}");

        JsonNode older = SchemaCompatibility.dereference(schema, Map.of("common.json", oldCommon)::get);
        JsonNode newer = SchemaCompatibility.dereference(schema, Map.of("common.json", newCommon)::get);

        List<Incompatibility> breaks = SchemaCompatibility.backward(older, newer);
        assertThat(breaks).extracting(Incompatibility::path).containsExactly("/properties/chip/enum");
    }

    @Test
    void aReferenceInsideAnotherFileIsRelativeToThatFile() {
        // A v2 schema reuses v1's definitions; inside v1/common.json, "common.json" is v1's, not v2's.
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"key\":{\"$ref\":"
                + "\"../v1/common.json#/$defs/wrapped\"}}}");
        JsonNode common = json("{\"$defs\":{\"wrapped\":{\"type\":\"object\",\"properties\":{\"id\":"
                + "{\"$ref\":\"common.json#/$defs/id\"}}},\"id\":{\"type\":\"string\",\"maxLength\":8}}}");

        JsonNode resolved = SchemaCompatibility.dereference(schema, Map.of("../v1/common.json", common)::get);

        assertThat(resolved.at("/properties/key/properties/id/maxLength").asInt()).isEqualTo(8);
    }

    @Test
    void droppingATypeOrABoundIsABreak() {
        assertThat(SchemaCompatibility.backward(json("{\"type\":\"integer\",\"minimum\":0}"), json("{}")))
                .isNotEmpty();
        assertThat(SchemaCompatibility.backward(json("{\"type\":\"integer\",\"minimum\":0}"),
                json("{\"type\":\"integer\"}"))).extracting(Incompatibility::path).containsExactly("/minimum");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
