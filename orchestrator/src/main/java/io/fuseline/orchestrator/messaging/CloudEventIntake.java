package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What every consumer of the orchestrator does with a record: decode it with the one codec, nack (and so
 * dead-letter, with the reason) a record that breaks its contract or whose type does not belong on the topic, and
 * hand a good event to the sink. A sink failure nacks too: the channel's dead-letter strategy keeps it with the
 * exception's message, and the consumer moves on.
 */
final class CloudEventIntake {
    private static final Logger LOG = Logger.getLogger(CloudEventIntake.class);

    private final CloudEventCodec codec;
    private final StationEventSink sink;
    private final Set<io.fuseline.schemas.MessageType> accepted;

    CloudEventIntake(CloudEventCodec codec, StationEventSink sink, Set<io.fuseline.schemas.MessageType> accepted) {
        this.codec = codec;
        this.sink = sink;
        this.accepted = accepted;
    }

    /**
     * One poll's records: each is decoded, and refused ones are dead-lettered on their own; the good events go to
     * the sink together, in order, and any it could not handle are dead-lettered on their own too. The batch is
     * acknowledged (its offsets committed) once every dead-lettering is done.
     */
    CompletionStage<Void> takeAll(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<CompletionStage<Void>> deadLettered = new ArrayList<>();
        List<CloudEvent<FuselineMessage>> events = new ArrayList<>(records.size());
        List<KafkaRecord<String, byte[]>> eventRecords = new ArrayList<>(records.size());
        for (KafkaRecord<String, byte[]> record : records) {
            try {
                CloudEvent<FuselineMessage> event = decode(KafkaCloudEventHeaders.toMap(consumed(record).headers()),
                        record.getPayload(), record.getTopic());
                events.add(event);
                eventRecords.add(record);
            } catch (ContractViolation violation) {
                LOG.warnf("dead-lettering %s key=%s: [%s] %s", where(record), record.getKey(),
                        violation.kind().code(), violation.getMessage());
                deadLettered.add(record.nack(violation));
            }
        }
        List<RuntimeException> failures = events.isEmpty() ? List.of() : sink.acceptAll(events);
        for (int i = 0; i < failures.size(); i++) {
            RuntimeException e = failures.get(i);
            if (e != null) {
                KafkaRecord<String, byte[]> record = eventRecords.get(i);
                LOG.errorf(e, "dead-lettering %s key=%s: handling %s id=%s failed", where(record),
                        record.getKey(), events.get(i).type(), events.get(i).id());
                deadLettered.add(record.nack(e));
            }
        }
        return CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * The record as the consumer returned it. Its headers are read from there: the connector's {@code getHeaders()}
     * copies every header of the record on first use (some 5 % of the orchestrator's CPU in the benchmark).
     */
    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> consumed(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, byte[]>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("the orchestrator's channels are Kafka channels"));
    }

    private static String where(KafkaRecord<String, byte[]> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        return record.getTopic() + "-" + record.getPartition() + "@" + offset;
    }

    private CloudEvent<FuselineMessage> decode(Map<String, byte[]> headers, byte[] payload, String topic) {
        CloudEvent<FuselineMessage> event = codec.decode(headers, payload);
        if (!accepted.contains(event.messageType())) {
            throw new ContractViolation(ContractViolation.Kind.UNEXPECTED_TYPE, event.type(), "ce_type",
                    "does not belong on " + topic);
        }
        return event;
    }

    CompletionStage<Void> take(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow(
                () -> new IllegalStateException("the orchestrator's channels are Kafka channels"));
        CloudEvent<FuselineMessage> event;
        try {
            event = decode(KafkaCloudEventHeaders.toMap(meta.getHeaders()), message.getPayload(), meta.getTopic());
        } catch (ContractViolation violation) {
            LOG.warnf("dead-lettering %s-%d@%d key=%s: [%s] %s", meta.getTopic(), meta.getPartition(),
                    meta.getOffset(), meta.getKey(), violation.kind().code(), violation.getMessage());
            return message.nack(violation);
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "dead-lettering %s-%d@%d key=%s: handling %s id=%s failed", meta.getTopic(),
                    meta.getPartition(), meta.getOffset(), meta.getKey(), event.type(), event.id());
            return message.nack(e);
        }
        return message.ack();
    }
}
