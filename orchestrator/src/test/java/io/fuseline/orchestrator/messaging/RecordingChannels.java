package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.test.Mock;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Test beans: what the orchestrator's consumer accepted, and what arrived on the HSM request topic. */
final class RecordingChannels {
    private RecordingChannels() {
    }

    /** Replaces the logging sink: records every station event that passed its contract. */
    @Mock
    @ApplicationScoped
    static class RecordingSink implements StationEventSink {
        private final List<CloudEvent<FuselineMessage>> accepted = new CopyOnWriteArrayList<>();

        @Override
        public void accept(CloudEvent<FuselineMessage> event) {
            accepted.add(event);
        }

        /** Read through a method: a field read on the injected client proxy would see the proxy's own field. */
        List<CloudEvent<FuselineMessage>> accepted() {
            return accepted;
        }
    }

    /** Plays hsm-signer's consumer: decodes each request with the same codec. */
    @ApplicationScoped
    static class HsmRequestReader {
        private final List<CloudEvent<FuselineMessage>> received = new CopyOnWriteArrayList<>();
        private final List<String> keys = new CopyOnWriteArrayList<>();

        @Inject
        CloudEventCodec codec;

        @Incoming("test-hsm-requests")
        CompletionStage<Void> read(Message<byte[]> message) {
            IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
            received.add(codec.decode(KafkaCloudEventHeaders.toMap(meta.getHeaders()), message.getPayload()));
            keys.add(String.valueOf(meta.getKey()));
            return message.ack();
        }

        List<CloudEvent<FuselineMessage>> received() {
            return received;
        }

        List<String> keys() {
            return keys;
        }
    }
}
