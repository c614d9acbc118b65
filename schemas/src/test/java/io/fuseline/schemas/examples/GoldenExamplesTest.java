package io.fuseline.schemas.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.codec.FuselineJson;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.validation.MessageSchemas;
import io.fuseline.schemas.validation.MessageValidators;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenExamplesTest {
    private static final ObjectMapper MAPPER = FuselineJson.newMapper();
    private final CloudEventCodec codec = new CloudEventCodec();

    static List<GoldenExamples.Example> examples() { return GoldenExamples.all(); }

    @Test
    void everyTypeHasAnExample() {
        assertThat(examples().stream().map(GoldenExamples.Example::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(MessageType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsSchemaAndRules(GoldenExamples.Example example) {
        assertThat(MessageSchemas.shared().isValid(example.type(), example.json())).isTrue();
        MessageValidators.validate(example.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void jsonToRecordToJsonIsTheSameDocument(GoldenExamples.Example example) throws Exception {
        // Through bytes, so that an int read back from a long component compares as the number it is.
        JsonNode again = MAPPER.readTree(MAPPER.writeValueAsBytes(example.message()));
        assertThat(again).isEqualTo(example.json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void recordToJsonToRecordIsEqual(GoldenExamples.Example example) throws Exception {
        FuselineMessage message = example.message();
        byte[] json = MAPPER.writeValueAsBytes(message);
        assertThat(MAPPER.readValue(json, example.type().messageClass())).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void survivesTheCodec(GoldenExamples.Example example) {
        CloudEvent<FuselineMessage> event = CloudEvent.of("evt-1", "/test/golden",
                Instant.parse("2025-03-01T08:15:30.123456Z"), example.message());
        EncodedEvent encoded = codec.encode(event);
        assertThat(codec.decode(encoded)).isEqualTo(event);
    }
}
