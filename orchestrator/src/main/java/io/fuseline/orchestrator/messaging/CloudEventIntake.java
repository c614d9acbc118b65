package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Set;
import java.util.concurrent.CompletionStage;
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

    CompletionStage<Void> take(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow(
                () -> new IllegalStateException("the orchestrator's channels are Kafka channels"));
        CloudEvent<FuselineMessage> event;
        try {
            event = codec.decode(KafkaCloudEventHeaders.toMap(meta.getHeaders()), message.getPayload());
            if (!accepted.contains(event.messageType())) {
                throw new ContractViolation(ContractViolation.Kind.UNEXPECTED_TYPE, event.type(), "ce_type",
                        "does not belong on " + meta.getTopic());
            }
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
