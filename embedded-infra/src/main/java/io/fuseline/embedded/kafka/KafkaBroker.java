package io.fuseline.embedded.kafka;

import java.time.Duration;

/**
 * A running single-node Kafka broker that clients reach at {@link #bootstrapServers()}. Closing it stops the broker
 * and, for a throw-away broker, deletes its data.
 */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} of the PLAINTEXT listener, always on loopback for the embedded kind. */
    String bootstrapServers();

    /** How long the broker took from the start call until it answered {@code describeCluster}. */
    Duration startupTime();

    /** Which implementation is running (for logs and the doctor). */
    BrokerKind kind();

    @Override
    void close();
}
