package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Adds a test-only channel that reads what the orchestrator publishes to hsm-signer, as hsm-signer would. */
public class MessagingTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        String in = "mp.messaging.incoming.test-hsm-requests.";
        return Map.of(
                in + "connector", "smallrye-kafka",
                in + "topic", Topics.HSM_REQUESTS,
                in + "group.id", "test-hsm-signer",
                in + "auto.offset.reset", "earliest",
                in + "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                in + "cloud-events", "false",
                "fuseline.messaging.max-record-bytes", "65536");
    }
}
