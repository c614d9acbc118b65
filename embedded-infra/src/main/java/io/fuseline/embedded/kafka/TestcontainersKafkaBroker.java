package io.fuseline.embedded.kafka;

import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A broker in a container, for machines with a Docker engine. Testcontainers is an optional dependency: this class
 * is only loaded when that kind is chosen.
 */
final class TestcontainersKafkaBroker implements KafkaBroker {
    /** The image matching the Kafka clients this build uses (4.2.1, from the Quarkus BOM). */
    static final String IMAGE = "apache/kafka:4.2.1";

    private final KafkaContainer container;
    private final Duration startupTime;

    private TestcontainersKafkaBroker(KafkaContainer container, Duration startupTime) {
        this.container = container;
        this.startupTime = startupTime;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static KafkaBroker start() {
        long t0 = System.nanoTime();
        KafkaContainer container = new KafkaContainer(IMAGE);
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new BrokerStartException("Testcontainers could not start " + IMAGE
                    + " (is a Docker engine running? use -D" + BrokerKind.PROPERTY + "=embedded)", e);
        }
        return new TestcontainersKafkaBroker(container, Duration.ofNanos(System.nanoTime() - t0));
    }

    @Override
    public String bootstrapServers() { return container.getBootstrapServers().replace("PLAINTEXT://", ""); }

    @Override
    public Duration startupTime() { return startupTime; }

    @Override
    public BrokerKind kind() { return BrokerKind.TESTCONTAINERS; }

    @Override
    public void close() { container.stop(); }
}
