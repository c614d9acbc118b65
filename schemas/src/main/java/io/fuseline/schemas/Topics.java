package io.fuseline.schemas;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.StationScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that knows topic names, which message types go on which topic, and how to compute a record's key.
 * Producers must use {@link #keyFor} so that every record about a unit lands on the same partition, in order.
 */
public final class Topics {
    public static final String STATION_EVENTS = "fuseline.station.events";
    public static final String STATION_JOBS = "fuseline.station.jobs";
    public static final String HSM_REQUESTS = "fuseline.hsm.requests";
    public static final String HSM_RESULTS = "fuseline.hsm.results";
    public static final String AUDIT = "fuseline.audit";
    public static final String DLQ = "fuseline.dlq";

    /*
     * Headers a consumer adds when it dead-letters a record; the CloudEvents headers and the key are kept as they
     * were. The names are SmallRye Reactive Messaging's dead-letter-queue strategy's, which every Fuseline service
     * uses, so an operator reads the same headers whichever service dead-lettered the record.
     */
    /** Why the record was refused: the {@code ContractViolation} message (code, type, field, reason). */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";
    /** The topic the record was read from. */
    public static final String DLQ_TOPIC_HEADER = "dead-letter-topic";
    /** The partition it was read from, in decimal. */
    public static final String DLQ_PARTITION_HEADER = "dead-letter-partition";
    /** Its offset in that partition, in decimal. */
    public static final String DLQ_OFFSET_HEADER = "dead-letter-offset";

    private Topics() {}

    /** The topic a message goes on. */
    public static Topic topicOf(FuselineMessage message) {
        return MessageType.of(message).topic();
    }

    /** The message types that may appear on a topic; empty for the DLQ, which carries any type. */
    public static Set<MessageType> typesOn(Topic topic) {
        return Arrays.stream(MessageType.values()).filter(t -> t.topic() == topic)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MessageType.class)));
    }

    /**
     * The Kafka record key of a message on its topic: the device MAC ({@code aa:bb:cc:dd:ee:ff}) on the station
     * events (the station id while the unit has no MAC), the station id on the jobs topic, the MAC on the HSM topics
     * ({@code line} for the audit chain's checkpoints), the subject (MAC or {@code line}) on the audit topic.
     */
    public static String keyFor(FuselineMessage message) {
        Objects.requireNonNull(message, "message");
        return switch (topicOf(message)) {
            case STATION_EVENTS -> message.subjectMac().map(MacAddress::toString)
                    .orElseGet(() -> ((StationScoped) message).stationId());
            case STATION_JOBS -> ((StationScoped) message).stationId();
            case HSM_REQUESTS, HSM_RESULTS -> message.subjectMac().map(MacAddress::toString).orElseGet(() -> {
                if (message instanceof CheckpointRequested || message instanceof CheckpointSigned) {
                    return AuditRecord.LINE_SUBJECT;
                }
                throw new IllegalStateException(MessageType.of(message).type() + " goes on an HSM topic but names no MAC");
            });
            case AUDIT -> ((AuditRecord) message).subject();
            case DLQ -> throw new IllegalStateException("no message type is produced directly to " + DLQ);
        };
    }

    /** The key of a dead-lettered record: its original key, unchanged, so the DLQ keeps the unit's order. */
    public static byte[] deadLetterKey(byte[] originalKey) {
        return originalKey;
    }
}
