package io.fuseline.orchestrator.messaging;

import io.fuseline.orchestrator.checkpoint.CheckpointAnswers;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.Topic;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the vault's answers on {@code fuseline.hsm.results}, with the same contract checks and dead-letter rules as
 * the station events: KeyMaterialIssued goes to the units' handler, CheckpointSigned to {@link CheckpointAnswers}
 * (the audit chain's checkpoints are no unit's business).
 */
@ApplicationScoped
public class HsmResultsConsumer {
    private final CloudEventIntake intake;

    HsmResultsConsumer(CloudEventCodec codec, StationEventSink sink, CheckpointAnswers checkpoints) {
        this.intake = new CloudEventIntake(codec, new ByType(sink, checkpoints), Topics.typesOn(Topic.HSM_RESULTS));
    }

    @Incoming("hsm-results")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return intake.takeAll(batch);
    }

    /** Checkpoint answers to their store, one by one; the rest to the units' handler, together and in order. */
    private record ByType(StationEventSink units, CheckpointAnswers checkpoints) implements StationEventSink {
        @Override
        public void accept(CloudEvent<FuselineMessage> event) {
            if (event.messageType() == MessageType.CHECKPOINT_SIGNED) {
                checkpoints.accept(event);
            } else {
                units.accept(event);
            }
        }

        @Override
        public List<RuntimeException> acceptAll(List<CloudEvent<FuselineMessage>> events) {
            RuntimeException[] failures = new RuntimeException[events.size()];
            List<CloudEvent<FuselineMessage>> unitEvents = new ArrayList<>(events.size());
            List<Integer> unitIndexes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                CloudEvent<FuselineMessage> event = events.get(i);
                if (event.messageType() != MessageType.CHECKPOINT_SIGNED) {
                    unitEvents.add(event);
                    unitIndexes.add(i);
                    continue;
                }
                try {
                    checkpoints.accept(event);
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
            if (!unitEvents.isEmpty()) {
                List<RuntimeException> unitFailures = units.acceptAll(unitEvents);
                for (int j = 0; j < unitEvents.size(); j++) {
                    failures[unitIndexes.get(j)] = unitFailures.get(j);
                }
            }
            return Arrays.asList(failures);
        }
    }
}
