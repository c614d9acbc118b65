package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code fuseline.station.events}. Each record is decoded by the one CloudEvents codec; a record that breaks
 * its contract (bad JSON, unknown type, schema or rule violation, oversized) is nacked, and the channel's
 * {@code dead-letter-queue} strategy copies it to {@code fuseline.dlq} with the reason, topic, partition and offset
 * as headers. The consumer never stops on a poison record.
 */
@ApplicationScoped
public class StationEventsConsumer {
    private static final Logger LOG = Logger.getLogger(StationEventsConsumer.class);

    private final CloudEventCodec codec;
    private final StationEventSink sink;

    StationEventsConsumer(CloudEventCodec codec, StationEventSink sink) {
        this.codec = codec;
        this.sink = sink;
    }

    @Incoming("station-events")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow(
                () -> new IllegalStateException("station-events must be a Kafka channel"));
        CloudEvent<FuselineMessage> event;
        try {
            event = codec.decode(KafkaCloudEventHeaders.toMap(meta.getHeaders()), message.getPayload());
        } catch (ContractViolation violation) {
            LOG.warnf("dead-lettering %s-%d@%d key=%s: [%s] %s", meta.getTopic(), meta.getPartition(),
                    meta.getOffset(), meta.getKey(), violation.kind().code(), violation.getMessage());
            return message.nack(violation);
        }
        sink.accept(event);
        return message.ack();
    }
}
