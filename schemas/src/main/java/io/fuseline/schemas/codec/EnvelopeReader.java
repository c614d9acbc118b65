package io.fuseline.schemas.codec;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.ContractViolation.Kind;
import io.fuseline.schemas.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reads and checks the binary-mode headers; the type comes first so every later error can name it. */
final class EnvelopeReader {
    /** CloudEvents limits nothing, but a header this long is an attack or a bug, not an id. */
    private static final int MAX_ATTRIBUTE_CHARS = 512;

    Envelope read(Map<String, byte[]> headers) {
        if (headers == null) {
            throw new ContractViolation(Kind.HEADER, "", CloudEventHeaders.TYPE, "the record has no headers");
        }
        String ceType = text(headers, CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw new ContractViolation(Kind.HEADER, "", CloudEventHeaders.TYPE, "is required");
        }
        MessageType type = MessageType.fromType(ceType).orElseThrow(() -> new ContractViolation(
                Kind.UNKNOWN_TYPE, ceType, CloudEventHeaders.TYPE, "is not a registered Fuseline message type"));
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION, ceType);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new ContractViolation(Kind.HEADER, ceType, CloudEventHeaders.SPEC_VERSION,
                    "must be " + CloudEventHeaders.SPEC_VERSION_1_0);
        }
        String contentType = required(headers, CloudEventHeaders.CONTENT_TYPE, ceType);
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!CloudEventHeaders.APPLICATION_JSON.equals(mediaType)) {
            throw new ContractViolation(Kind.HEADER, ceType, CloudEventHeaders.CONTENT_TYPE,
                    "must be " + CloudEventHeaders.APPLICATION_JSON);
        }
        String id = required(headers, CloudEventHeaders.ID, ceType);
        String source = required(headers, CloudEventHeaders.SOURCE, ceType);
        Instant time = time(required(headers, CloudEventHeaders.TIME, ceType), ceType);
        String subject = text(headers, CloudEventHeaders.SUBJECT);
        return new Envelope(type, id, source, time, subject);
    }

    private static Instant time(String value, String ceType) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ContractViolation(Kind.HEADER, ceType, CloudEventHeaders.TIME,
                    "must be an RFC 3339 timestamp such as 2025-01-31T12:00:00Z");
        }
    }

    private static String required(Map<String, byte[]> headers, String name, String ceType) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new ContractViolation(Kind.HEADER, ceType, name, "is required");
        }
        if (value.length() > MAX_ATTRIBUTE_CHARS) {
            throw new ContractViolation(Kind.HEADER, ceType, name, "is longer than " + MAX_ATTRIBUTE_CHARS);
        }
        return value;
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
