package io.fuseline.schemas.codec;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.message.FuselineMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message in its CloudEvents envelope. {@code id} is unique per source (consumers deduplicate on source + id);
 * {@code source} names the producing instance, e.g. {@code /station-agent/st-01}; {@code time} is when the event
 * happened; {@code subject} is the unit's MAC when the message names one, else null. The {@code type} follows from
 * the data's class.
 */
public record CloudEvent<T extends FuselineMessage>(String id, String source, Instant time, String subject, T data) {
    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (id.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("a CloudEvent needs a non-blank id and source");
        }
        String expected = subjectOf(data);
        if (!Objects.equals(subject, expected)) {
            throw new IllegalArgumentException("the subject of a " + MessageType.of(data).type() + " is "
                    + (expected == null ? "absent" : "its MAC " + expected) + ", not " + subject);
        }
    }

    /** A new event about {@code data} happening now, with a random UUID as id. */
    public static <T extends FuselineMessage> CloudEvent<T> of(String source, T data) {
        return of(UUID.randomUUID().toString(), source, Instant.now(), data);
    }

    /** An event with the given id and time; the subject is derived from the data. */
    public static <T extends FuselineMessage> CloudEvent<T> of(String id, String source, Instant time, T data) {
        return new CloudEvent<>(id, source, time, subjectOf(data), data);
    }

    /** The subject a message's event carries: its MAC in canonical text, or null. */
    public static String subjectOf(FuselineMessage data) {
        return data.subjectMac().map(MacAddress::toString).orElse(null);
    }

    public MessageType messageType() { return MessageType.of(data); }

    /** The CloudEvents {@code type}, e.g. {@code io.fuseline.step.failed.v1}. */
    public String type() { return messageType().type(); }
}
