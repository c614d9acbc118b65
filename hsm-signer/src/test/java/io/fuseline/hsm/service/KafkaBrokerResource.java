package io.fuseline.hsm.service;

import io.fuseline.embedded.kafka.KafkaBroker;
import io.fuseline.embedded.kafka.TestKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the test broker (embedded KRaft by default) and points every Kafka channel at it. */
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
