package io.fuseline.schemas.validation;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.CloudEventHeaders;
import io.fuseline.schemas.examples.GoldenExamples;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test helper: decode a golden example after a mutation, and return the violation the codec raised. Going through
 * the codec exercises the whole read path (schema, binding, rules) that a consumer uses.
 */
public final class Violations {
    private static final CloudEventCodec CODEC = new CloudEventCodec();

    private Violations() {}

    /** The violation raised by decoding example {@code name} of {@code type} after {@code mutation}. */
    public static ContractViolation of(MessageType type, String name, Consumer<ObjectNode> mutation) {
        ObjectNode json = GoldenExamples.get(type, name).copy();
        mutation.accept(json);
        return decode(type, json);
    }

    /** The violation raised by decoding {@code json} as {@code type}. */
    public static ContractViolation decode(MessageType type, ObjectNode json) {
        byte[] data = json.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> headers = headers(type, json.path("mac").asText(null));
        if (type == MessageType.AUDIT_RECORD && !"line".equals(json.path("subject").asText())) {
            headers = headers(type, json.path("subject").asText());
        }
        Map<String, byte[]> h = headers;
        ContractViolation v = catchThrowableOfType(ContractViolation.class, () -> CODEC.decode(h, data));
        if (v == null) {
            throw new AssertionError("expected a ContractViolation for " + json);
        }
        return v;
    }

    /** Valid binary-mode headers for a type, with a subject when given. */
    public static Map<String, byte[]> headers(MessageType type, String subject) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
        headers.put(CloudEventHeaders.ID, bytes("id-1"));
        headers.put(CloudEventHeaders.SOURCE, bytes("/test"));
        headers.put(CloudEventHeaders.TYPE, bytes(type.type()));
        headers.put(CloudEventHeaders.TIME, bytes("2025-03-01T08:00:00Z"));
        headers.put(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, bytes(subject));
        }
        return headers;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
