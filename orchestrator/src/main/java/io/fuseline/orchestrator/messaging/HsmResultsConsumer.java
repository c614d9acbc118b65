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
 * Reads the vault's answers on {@code fuseline.hsm.results} (KeyMaterialIssued), with the same contract checks and
 * dead-letter rules as the station events, and hands them to the same handler.
 */
@ApplicationScoped
public class HsmResultsConsumer {
    private final CloudEventIntake intake;

    HsmResultsConsumer(CloudEventCodec codec, StationEventSink sink) {
        this.intake = new CloudEventIntake(codec, sink, Topics.typesOn(Topic.HSM_RESULTS));
    }

    @Incoming("hsm-results")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return intake.takeAll(batch);
    }
}
