package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.Topic;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code fuseline.station.events}. Each record is decoded by the one CloudEvents codec; a record that breaks
 * its contract (bad JSON, unknown type, schema or rule violation, oversized) is nacked, and the channel's
 * {@code dead-letter-queue} strategy copies it to {@code fuseline.dlq} with the reason, topic, partition and offset
 * as headers. The consumer never stops on a poison record.
 *
 * <p>Blocking and ordered: the sink runs a database transaction per event, off the event loop, one at a time so a
 * unit's events are handled in their partition's order.
 */
@ApplicationScoped
public class StationEventsConsumer {
    private final CloudEventIntake intake;

    StationEventsConsumer(CloudEventCodec codec, StationEventSink sink) {
        this.intake = new CloudEventIntake(codec, sink, Topics.typesOn(Topic.STATION_EVENTS));
    }

    @Incoming("station-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return intake.takeAll(batch);
    }
}
