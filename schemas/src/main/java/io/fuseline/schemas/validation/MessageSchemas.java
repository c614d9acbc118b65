package io.fuseline.schemas.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.MessageType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas (draft 2020-12) of the message types, loaded from this module's classpath and validated with
 * networknt's json-schema-validator, format assertions on. Schemas are compiled once per type; the instance is
 * thread-safe and meant to be shared.
 */
public final class MessageSchemas {
    private static final MessageSchemas SHARED = new MessageSchemas();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(MessageType.SCHEMA_ID_BASE,
                    "classpath:" + MessageType.SCHEMA_RESOURCE_BASE)));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private final Map<MessageType, JsonSchema> compiled = new EnumMap<>(MessageType.class);

    /** The shared instance. */
    public static MessageSchemas shared() { return SHARED; }

    /**
     * Validates {@code data} against the schema of {@code type}.
     *
     * @throws ContractViolation of kind SCHEMA naming the first offending field (in document order)
     */
    public void validate(MessageType type, JsonNode data) {
        Set<ValidationMessage> errors = schema(type).validate(data);
        errors.stream().min(Comparator.comparing(MessageSchemas::pointerOf)
                        .thenComparing(ValidationMessage::getMessage))
                .ifPresent(first -> {
                    throw new ContractViolation(ContractViolation.Kind.SCHEMA, type.type(), pointerOf(first),
                            reasonOf(first));
                });
    }

    /** Whether {@code data} is valid under the schema of {@code type}; for tests and tools. */
    public boolean isValid(MessageType type, JsonNode data) {
        return schema(type).validate(data).isEmpty();
    }

    private synchronized JsonSchema schema(MessageType type) {
        return compiled.computeIfAbsent(type, t -> {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(t.schemaId()), config);
            // Resolve every $ref now, so that a broken schema fails the first call rather than a later message.
            schema.initializeValidators();
            return schema;
        });
    }

    /** The instance location, extended by the property name for errors about a missing or extra member. */
    static String pointerOf(ValidationMessage m) {
        String location = m.getInstanceLocation().toString();
        String property = m.getProperty();
        boolean aboutMember = "required".equals(m.getType()) || "additionalProperties".equals(m.getType())
                || "dependentRequired".equals(m.getType());
        return aboutMember && property != null ? location + "/" + property : location;
    }

    /** The library's message without its leading location, which the pointer already carries. */
    private static String reasonOf(ValidationMessage m) {
        String text = m.getMessage();
        String location = m.getInstanceLocation().toString();
        if (!location.isEmpty() && text.startsWith(location + ": ")) {
            return text.substring(location.length() + 2);
        }
        return text.startsWith(": ") ? text.substring(2) : text;
    }
}
