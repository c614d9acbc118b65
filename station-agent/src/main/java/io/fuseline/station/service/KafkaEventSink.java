package io.fuseline.station.service;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.station.job.EventSink;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the station's events on {@code fuseline.station.events} as binary-mode CloudEvents, keyed as
 * {@link Topics#keyFor} says (MAC, or station id before identification), so one unit's events stay in order.
 * Encoding validates every event against its contract first. Thread-safe: every jig worker emits through it.
 */
@ApplicationScoped
public class KafkaEventSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(KafkaEventSink.class);

    private final CloudEventCodec codec = new CloudEventCodec();
    private final Emitter<byte[]> events;
    private final StationConfig config;

    KafkaEventSink(@Channel("station-events") Emitter<byte[]> events, StationConfig config) {
        this.events = events;
        this.config = config;
    }

    @Override
    public void emit(FuselineMessage event) {
        EncodedEvent encoded = codec.encode(CloudEvent.of("/fuseline/station/" + config.id(), event));
        RecordHeaders headers = new RecordHeaders();
        encoded.headers().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Topics.keyFor(event)).withHeaders(headers).build();
        synchronized (this) {
            events.send(Message.of(encoded.data()).addMetadata(meta).withNack(failure -> {
                LOG.errorf("event %s was not accepted by the broker: %s", event.getClass().getSimpleName(),
                        failure.getMessage());
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }));
        }
    }
}
