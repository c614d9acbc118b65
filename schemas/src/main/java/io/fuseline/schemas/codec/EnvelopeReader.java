package io.fuseline.schemas.codec;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.ContractViolation.Kind;
import io.fuseline.schemas.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
            Instant utc = utc(value);
            return utc != null ? utc : OffsetDateTime.parse(value).toInstant();
        } catch (java.time.DateTimeException e) { // a parse failure, or a field out of range
            throw new ContractViolation(Kind.HEADER, ceType, CloudEventHeaders.TIME,
                    "must be an RFC 3339 timestamp such as 2025-01-31T12:00:00Z");
        }
    }

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, which every Fuseline producer writes, read without
     * the general formatter (a tenth of its cost; it is read for every consumed record), or null for any other shape.
     * Field ranges are still checked (by {@link LocalDateTime#of}).
     */
    static Instant utc(String v) {
        int n = v.length();
        if (n < 20 || n > 30 || v.charAt(n - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-'
                || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (v.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int f = digits(v, 20, n - 1);
            if (f < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                f *= 10;
            }
            nanos = f;
        } else if (n != 20) {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code v[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String v, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
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
