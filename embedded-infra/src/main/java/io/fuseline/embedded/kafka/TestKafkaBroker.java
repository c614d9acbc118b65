package io.fuseline.embedded.kafka;

/**
 * The broker the tests and the local line use, chosen by {@link BrokerKind#PROPERTY}: {@code embedded} (default),
 * {@code testcontainers} (where a Docker engine exists) or {@code auto}.
 */
public final class TestKafkaBroker {
    private TestKafkaBroker() {
    }

    /** Starts the configured kind of broker. */
    public static KafkaBroker start() {
        return start(BrokerKind.configured(), BrokerOptions.defaults());
    }

    /** Starts the given kind; {@code options} apply to the embedded broker only. */
    public static KafkaBroker start(BrokerKind kind, BrokerOptions options) {
        return switch (kind) {
            case EMBEDDED -> EmbeddedKafkaBroker.start(options);
            case TESTCONTAINERS -> TestcontainersKafkaBroker.start();
            case AUTO -> dockerOnClasspathAndRunning() ? TestcontainersKafkaBroker.start()
                    : EmbeddedKafkaBroker.start(options);
        };
    }

    private static boolean dockerOnClasspathAndRunning() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            return false;
        }
        return TestcontainersKafkaBroker.dockerAvailable();
    }
}
