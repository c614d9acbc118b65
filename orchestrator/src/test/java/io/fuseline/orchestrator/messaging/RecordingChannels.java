package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Test beans: what the orchestrator's consumers accepted, and what it published to hsm-signer and the stations. */
public final class RecordingChannels {
    private RecordingChannels() {
    }

    /** Every event that passed its contract and reached the handler, in arrival order. */
    @ApplicationScoped
    public static class AcceptedEvents {
        private final List<CloudEvent<FuselineMessage>> accepted = new CopyOnWriteArrayList<>();

        void add(CloudEvent<FuselineMessage> event) {
            accepted.add(event);
        }

        /** Read through a method: a field read on the injected client proxy would see the proxy's own field. */
        public List<CloudEvent<FuselineMessage>> accepted() {
            return accepted;
        }
    }

    /** Wraps the real handler (it still runs): records each event before handing it on. */
    @Decorator
    @Priority(1)
    static class RecordingSink implements StationEventSink {
        @Inject
        @Delegate
        StationEventSink delegate;
        @Inject
        AcceptedEvents events;

        @Override
        public void accept(CloudEvent<FuselineMessage> event) {
            events.add(event);
            delegate.accept(event);
        }

        @Override
        public List<RuntimeException> acceptAll(List<CloudEvent<FuselineMessage>> batch) {
            batch.forEach(events::add);
            return delegate.acceptAll(batch);
        }
    }

    /** Plays a consumer of the orchestrator's output: decodes each record with the same codec. */
    abstract static class Reader {
        private final List<CloudEvent<FuselineMessage>> received = new CopyOnWriteArrayList<>();
        private final List<String> keys = new CopyOnWriteArrayList<>();

        @Inject
        CloudEventCodec codec;

        CompletionStage<Void> record(Message<byte[]> message) {
            IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow();
            received.add(codec.decode(KafkaCloudEventHeaders.toMap(meta.getHeaders()), message.getPayload()));
            keys.add(String.valueOf(meta.getKey()));
            return message.ack();
        }

        public List<CloudEvent<FuselineMessage>> received() {
            return received;
        }

        public List<String> keys() {
            return keys;
        }
    }

    /** Plays hsm-signer's consumer of {@code fuseline.hsm.requests}. */
    @ApplicationScoped
    public static class HsmRequestReader extends Reader {
        @Incoming("test-hsm-requests")
        CompletionStage<Void> read(Message<byte[]> message) {
            return record(message);
        }
    }

    /** Plays the stations' consumer of {@code fuseline.station.jobs}. */
    @ApplicationScoped
    public static class StationJobReader extends Reader {
        @Incoming("test-station-jobs")
        CompletionStage<Void> read(Message<byte[]> message) {
            return record(message);
        }
    }
}
