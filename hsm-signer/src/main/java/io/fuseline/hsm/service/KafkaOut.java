package io.fuseline.hsm.service;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends a message as a binary-mode CloudEvent keyed by {@link Topics#keyFor}; the stage completes on the broker's ack. */
final class KafkaOut {
    private KafkaOut() {
    }

    static CompletionStage<Void> send(CloudEventCodec codec, Emitter<byte[]> emitter, String source,
                                      FuselineMessage message) {
        EncodedEvent encoded = codec.encode(CloudEvent.of(source, message));
        RecordHeaders headers = new RecordHeaders();
        encoded.headers().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Topics.keyFor(message)).withHeaders(headers).build();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        emitter.send(Message.of(encoded.data()).addMetadata(meta)
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
