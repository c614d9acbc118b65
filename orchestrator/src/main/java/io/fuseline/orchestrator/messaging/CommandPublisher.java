package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.Topic;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the orchestrator's requests to hsm-signer as CloudEvents, keyed as {@link Topics#keyFor} says. The
 * returned stage completes when the broker acknowledged the record (acks=all, idempotent producer).
 */
@ApplicationScoped
public class CommandPublisher {
    private final CloudEventCodec codec;
    private final Emitter<byte[]> hsmRequests;

    CommandPublisher(CloudEventCodec codec, @Channel("hsm-requests") Emitter<byte[]> hsmRequests) {
        this.codec = codec;
        this.hsmRequests = hsmRequests;
    }

    public CompletionStage<Void> publishHsmRequest(CloudEvent<? extends FuselineMessage> event) {
        if (Topics.topicOf(event.data()) != Topic.HSM_REQUESTS) {
            throw new IllegalArgumentException(event.type() + " does not go on " + Topics.HSM_REQUESTS);
        }
        EncodedEvent encoded = codec.encode(event);
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Topics.keyFor(event.data()))
                .withHeaders(KafkaCloudEventHeaders.fromMap(encoded.headers()))
                .build();
        java.util.concurrent.CompletableFuture<Void> sent = new java.util.concurrent.CompletableFuture<>();
        hsmRequests.send(Message.of(encoded.data()).addMetadata(meta)
                .withAck(() -> {
                    sent.complete(null);
                    return sent;
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return sent;
                }));
        return sent;
    }
}
