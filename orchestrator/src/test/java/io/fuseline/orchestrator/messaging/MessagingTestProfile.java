package io.fuseline.orchestrator.messaging;

import io.fuseline.orchestrator.support.PostgresResource;
import io.fuseline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one profile of the orchestrator's integration tests, so every test class runs against the same kind of line:
 * an embedded Kafka broker, an embedded PostgreSQL, the test recipes, and test-only channels that read what the
 * orchestrator publishes to hsm-signer and to the stations, as they would.
 */
public class MessagingTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        reader(config, "test-hsm-requests", Topics.HSM_REQUESTS, "test-hsm-signer");
        reader(config, "test-station-jobs", Topics.STATION_JOBS, "test-station-agent");
        config.put("fuseline.messaging.max-record-bytes", "65536");
        config.put("fuseline.lifecycle.recipes-dir", "src/test/resources/recipes");
        config.put("fuseline.lifecycle.max-attempts", "2");
        // Tests run the silence check themselves, at a time of their choosing.
        config.put("fuseline.lifecycle.silence-check-interval", "1h");
        config.put("fuseline.outbox.poll-interval", "50ms");
        // Tests sign checkpoints when they choose to; the interim key lives in the build directory.
        config.put("fuseline.audit.checkpoint.check-interval", "1h");
        config.put("fuseline.audit.checkpoint.signer", "local");
        config.put("fuseline.audit.checkpoint.key-file", "target/test-audit-checkpoint-key.pem");
        config.put("fuseline.metrics.refresh-interval", "1s");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class, Map.of(), true),
                new TestResourceEntry(PostgresResource.class, Map.of(), true));
    }

    private static void reader(Map<String, String> config, String channel, String topic, String group) {
        String in = "mp.messaging.incoming." + channel + ".";
        config.put(in + "connector", "smallrye-kafka");
        config.put(in + "topic", topic);
        config.put(in + "group.id", group);
        config.put(in + "auto.offset.reset", "earliest");
        config.put(in + "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        config.put(in + "cloud-events", "false");
    }
}
