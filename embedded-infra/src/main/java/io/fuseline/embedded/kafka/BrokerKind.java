package io.fuseline.embedded.kafka;

import java.util.Locale;

/** Which broker a test or a local line uses; chosen with the {@value #PROPERTY} system property. */
public enum BrokerKind {
    /** Apache Kafka's own KRaft broker inside this JVM (the default: needs nothing but the JDK). */
    EMBEDDED,
    /** A Kafka container through Testcontainers; needs a Docker engine, which these machines do not have. */
    TESTCONTAINERS,
    /** Testcontainers when a Docker engine answers, else embedded. */
    AUTO;

    /** System property (or environment variable {@code FUSELINE_KAFKA_BROKER}) naming the kind. */
    public static final String PROPERTY = "fuseline.kafka.broker";

    /** The configured kind, {@link #EMBEDDED} when nothing is set. */
    public static BrokerKind configured() {
        String value = System.getProperty(PROPERTY, System.getenv("FUSELINE_KAFKA_BROKER"));
        return value == null || value.isBlank() ? EMBEDDED : parse(value);
    }

    public static BrokerKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + "=" + value + " is not a broker kind (expected embedded, testcontainers or auto)", e);
        }
    }
}
