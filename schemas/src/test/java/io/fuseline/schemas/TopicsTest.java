package io.fuseline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.DeviceAttached;
import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StationHeartbeat;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreTheArchitecturesOnes() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).containsExactly("fuseline.station.events",
                "fuseline.station.jobs", "fuseline.hsm.requests", "fuseline.hsm.results", "fuseline.audit",
                "fuseline.dlq");
    }

    @Test
    void everyTypeGoesOnExactlyOneTopicAndNothingIsProducedToTheDlq() {
        EnumSet<MessageType> seen = EnumSet.noneOf(MessageType.class);
        for (Topic topic : Topic.values()) {
            Topics.typesOn(topic).forEach(t -> assertThat(seen.add(t)).as(t + " on two topics").isTrue());
        }
        assertThat(seen).containsExactlyInAnyOrder(MessageType.values());
        assertThat(Topics.typesOn(Topic.DLQ)).isEmpty();
        assertThat(Topics.typesOn(Topic.STATION_JOBS))
                .containsExactly(MessageType.PROVISION_JOB, MessageType.PROVISION_JOB_V2);
        assertThat(Topics.typesOn(Topic.HSM_RESULTS))
                .containsExactly(MessageType.KEY_MATERIAL_ISSUED, MessageType.CHECKPOINT_SIGNED);
        assertThat(Topics.typesOn(Topic.HSM_REQUESTS)).contains(MessageType.CHECKPOINT_REQUESTED);
    }

    @Test
    void stationEventsAreKeyedByMacOnceThereIsOne() {
        assertThat(Topics.keyFor(GoldenExamples.message(DeviceIdentified.class, "esp32s3-blank")))
                .isEqualTo("f4:12:fa:43:6e:10");
        assertThat(Topics.keyFor(GoldenExamples.message(DeviceAttached.class, "esp32-cp2102"))).isEqualTo("st-01");
        assertThat(Topics.keyFor(GoldenExamples.message(DeviceDetached.class, "never-identified"))).isEqualTo("st-01");
        assertThat(Topics.keyFor(GoldenExamples.message(DeviceDetached.class, "after-job")))
                .isEqualTo("f4:12:fa:43:6e:10");
        assertThat(Topics.keyFor(GoldenExamples.message(StationHeartbeat.class, "three-jigs"))).isEqualTo("st-01");
    }

    @Test
    void jobsAreKeyedByStationHsmTrafficByMacAuditBySubject() {
        assertThat(Topics.keyFor(GoldenExamples.message(ProvisionJob.class, "esp32s3-release"))).isEqualTo("st-01");
        assertThat(Topics.keyFor(GoldenExamples.get(MessageType.PROVISION_JOB_V2, "esp32s3-release").message()))
                .isEqualTo("st-01");
        assertThat(Topics.keyFor(GoldenExamples.message(KeyMaterialIssued.class, "esp32s3")))
                .isEqualTo("f4:12:fa:43:6e:10");
        assertThat(Topics.keyFor(GoldenExamples.message(AuditRecord.class, "genesis"))).isEqualTo("line");
        // The audit chain's checkpoints are about the line: one key keeps their requests and answers in order.
        assertThat(Topics.keyFor(GoldenExamples.message(CheckpointRequested.class, "at-record-1041")))
                .isEqualTo("line");
        assertThat(Topics.keyFor(GoldenExamples.message(CheckpointSigned.class, "at-record-1041")))
                .isEqualTo("line");
        assertThat(Topics.keyFor(GoldenExamples.message(AuditRecord.class, "key-wrapped")))
                .isEqualTo("f4:12:fa:43:6e:10");
    }

    @Test
    void everyGoldenExampleHasAKey() {
        GoldenExamples.all().forEach(e -> assertThat(Topics.keyFor(e.message())).as(e.toString()).isNotBlank());
    }

    @Test
    void theDlqKeepsTheOriginalKey() {
        byte[] key = "f4:12:fa:43:6e:10".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Topics.deadLetterKey(key)).isSameAs(key);
        assertThatThrownBy(() -> Topics.keyFor(null)).isInstanceOf(NullPointerException.class);
    }
}
