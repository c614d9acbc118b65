package io.fuseline.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.ContractViolation.Kind;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.validation.MessageSchemas;
import io.fuseline.schemas.validation.MessageValidators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes and decodes Fuseline CloudEvents in binary mode: attributes in {@code ce_*} headers, the message as JSON
 * data. Both directions validate against the type's JSON Schema and then its semantic validator, so a record that
 * leaves {@link #encode} is valid, and {@link #decode} returns a message only once it is valid: a consumer never
 * sees a half-read record. Every refusal is a {@link ContractViolation}, the signal to dead-letter the record.
 *
 * <p>Free of Kafka: a service's adapter copies headers and value in and out. Thread-safe; share one instance.
 */
public final class CloudEventCodec {
    /** The default limit on the encoded data: 256 KiB, well under Kafka's default 1 MiB record limit. */
    public static final int DEFAULT_MAX_ENCODED_BYTES = 256 * 1024;

    private final ObjectMapper mapper = FuselineJson.newMapper();
    private final MessageSchemas schemas = MessageSchemas.shared();
    private final EnvelopeReader envelopes = new EnvelopeReader();
    private final int maxEncodedBytes;

    /** A codec with the default size limit. */
    public CloudEventCodec() {
        this(DEFAULT_MAX_ENCODED_BYTES);
    }

    /** A codec refusing data larger than {@code maxEncodedBytes} bytes in either direction. */
    public CloudEventCodec(int maxEncodedBytes) {
        if (maxEncodedBytes <= 0) {
            throw new IllegalArgumentException("maxEncodedBytes must be positive, was " + maxEncodedBytes);
        }
        this.maxEncodedBytes = maxEncodedBytes;
    }

    public int maxEncodedBytes() { return maxEncodedBytes; }

    /**
     * The event as headers and JSON data.
     *
     * @throws ContractViolation if the message breaks its schema or its rules, or its data exceeds the limit
     */
    public EncodedEvent encode(CloudEvent<?> event) {
        Objects.requireNonNull(event, "event");
        MessageType type = event.messageType();
        JsonNode tree = mapper.valueToTree(event.data());
        schemas.validate(type, tree);
        MessageValidators.validate(event.data());
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return envelope(event, type, data);
    }

    /**
     * The event as headers and JSON data, for a message its producer built from the typed records rather than read
     * from outside: the JSON Schema check is skipped (the records mirror the schemas; the compatibility tests and
     * {@code encodeBuiltDecodesLikeEncode} prove that what the records serialise to satisfies them), while the
     * message's semantic validator and the size limit still run. Produces the same bytes as {@link #encode}.
     * Everything consumed from outside goes through {@link #decode}, which always checks the schema.
     *
     * @throws ContractViolation if the message breaks its rules, or its data exceeds the limit
     */
    public EncodedEvent encodeBuilt(CloudEvent<?> event) {
        Objects.requireNonNull(event, "event");
        MessageType type = event.messageType();
        MessageValidators.validate(event.data());
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type.type() + " does not serialise to JSON", e);
        }
        return envelope(event, type, data);
    }

    /**
     * The event for data its producer serialised itself, from a message it keeps in serialised form (the
     * orchestrator's audit log keeps each record's canonical JSON): only the size limit is checked, neither the
     * schema nor the message's rules, and nothing is parsed. The caller owns the proof, in its tests, that such data
     * decodes to the message it stands for; use {@link #encodeBuilt} whenever the typed message is at hand.
     *
     * @param subject the unit's MAC when the message names one (as {@link CloudEvent#subjectOf}), else null
     * @throws ContractViolation if the data exceeds the limit
     */
    public EncodedEvent encodeSerialized(String id, String source, Instant time, String subject,
                                         MessageType type, byte[] data) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        return envelope(id, source, time, subject, type, data);
    }

    private EncodedEvent envelope(CloudEvent<?> event, MessageType type, byte[] data) {
        return envelope(event.id(), event.source(), event.time(), event.subject(), type, data);
    }

    private EncodedEvent envelope(String id, String source, Instant time, String subject, MessageType type,
                                  byte[] data) {
        checkSize(type.type(), data.length);
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TYPE, type.type());
        put(headers, CloudEventHeaders.TIME, time.toString());
        if (subject != null) {
            put(headers, CloudEventHeaders.SUBJECT, subject);
        }
        put(headers, CloudEventHeaders.DATA_SCHEMA, type.schemaId());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return new EncodedEvent(headers, data);
    }

    /** Decodes an {@link EncodedEvent}; see {@link #decode(Map, byte[])}. */
    public CloudEvent<FuselineMessage> decode(EncodedEvent encoded) {
        return decode(encoded.headers(), encoded.data());
    }

    /**
     * The event carried by these headers and data, of whichever registered type {@code ce_type} names.
     *
     * @throws ContractViolation for a missing or malformed header, an unknown type, data over the limit, bad JSON,
     *                           a schema or semantic violation, or a subject that is not the message's MAC
     */
    public CloudEvent<FuselineMessage> decode(Map<String, byte[]> headers, byte[] data) {
        Envelope envelope = envelopes.read(headers);
        MessageType type = envelope.type();
        if (data == null || data.length == 0) {
            throw new ContractViolation(Kind.MALFORMED_JSON, type.type(), "", "the event has no data");
        }
        checkSize(type.type(), data.length);
        JsonNode tree = parse(type, data);
        schemas.validate(type, tree);
        FuselineMessage message = bind(type, tree);
        MessageValidators.validate(message);
        String subject = CloudEvent.subjectOf(message);
        if (!Objects.equals(subject, envelope.subject())) {
            throw new ContractViolation(Kind.HEADER, type.type(), CloudEventHeaders.SUBJECT,
                    subject == null ? "must be absent for this type" : "must be the MAC named by the data");
        }
        return new CloudEvent<>(envelope.id(), envelope.source(), envelope.time(), subject, message);
    }

    /**
     * Like {@link #decode(Map, byte[])}, for a consumer that accepts one type only.
     *
     * @throws ContractViolation of kind UNEXPECTED_TYPE for a valid event of another type
     */
    public <T extends FuselineMessage> CloudEvent<T> decode(Map<String, byte[]> headers, byte[] data,
                                                             Class<T> expected) {
        CloudEvent<FuselineMessage> event = decode(headers, data);
        if (!expected.isInstance(event.data())) {
            throw new ContractViolation(Kind.UNEXPECTED_TYPE, event.type(), CloudEventHeaders.TYPE,
                    "expected " + MessageType.of(expected).type());
        }
        return new CloudEvent<>(event.id(), event.source(), event.time(), event.subject(),
                expected.cast(event.data()));
    }

    private void checkSize(String ceType, int size) {
        if (size > maxEncodedBytes) {
            throw new ContractViolation(Kind.OVERSIZED, ceType, "",
                    "oversized: " + size + " bytes of data exceed the limit of " + maxEncodedBytes + " bytes");
        }
    }

    private JsonNode parse(MessageType type, byte[] data) {
        try {
            return mapper.readTree(data);
        } catch (IOException e) {
            // Only the position: the parser's own message may quote the payload.
            String where = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    ? " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr()
                    : "";
            throw new ContractViolation(Kind.MALFORMED_JSON, type.type(), "", "the data is not valid JSON" + where);
        }
    }

    private FuselineMessage bind(MessageType type, JsonNode tree) {
        try {
            return mapper.treeToValue(tree, type.messageClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema admits only what the record can hold; reaching this means the two disagree.
            throw new ContractViolation(Kind.SCHEMA, type.type(), "",
                    "schema-valid data does not bind to " + type.messageClass().getSimpleName(), e);
        }
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        headers.put(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
