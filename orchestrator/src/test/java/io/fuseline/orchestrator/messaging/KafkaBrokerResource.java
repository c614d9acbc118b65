package io.fuseline.orchestrator.messaging;

import io.fuseline.embedded.kafka.KafkaBroker;
import io.fuseline.embedded.kafka.TestKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the broker chosen by {@code fuseline.kafka.broker} (embedded KRaft by default) for a Quarkus test and points
 * every Kafka channel at it. Dev Services stay off: they would need Docker.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = TestKafkaBroker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
