package io.fuseline.schemas.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.io.IOException;

/**
 * The JSON mapping of the message records: a MAC is its canonical text, a chip family its tool name
 * ({@code esp32s3}), other enums their names, instants RFC 3339 text, absent optional members omitted (never
 * {@code null}). Unknown members and duplicate keys are errors, not silently dropped.
 */
public final class FuselineJson {
    private FuselineJson() {}

    /** A new mapper configured for Fuseline messages; callers may keep and share it (it is thread-safe). */
    public static ObjectMapper newMapper() {
        SimpleModule module = new SimpleModule("fuseline-schemas");
        module.addSerializer(MacAddress.class, new JsonSerializer<>() {
            @Override
            public void serialize(MacAddress mac, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(mac.toString());
            }
        });
        module.addDeserializer(MacAddress.class, new JsonDeserializer<>() {
            @Override
            public MacAddress deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                return MacAddress.parse(parser.getValueAsString());
            }
        });
        module.addSerializer(ChipFamily.class, new JsonSerializer<>() {
            @Override
            public void serialize(ChipFamily chip, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(chip.toolName());
            }
        });
        module.addDeserializer(ChipFamily.class, new JsonDeserializer<>() {
            @Override
            public ChipFamily deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                return ChipFamily.parse(parser.getValueAsString());
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Two values for one member would let two readers see two different messages.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
