package io.fuseline.orchestrator.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes committed commands and audit records to Kafka. */
@ConfigMapping(prefix = "fuseline.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay (a count of one per instance; any number of instances may). Default true. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most rows (a count) one relay transaction locks, sends and marks published. Default 200. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long (a duration) the relay waits for new rows when it found none; a commit wakes it at once, so this
     * bounds the delay only for rows written by other instances. Default 200 ms.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /** How long (a duration) the relay waits for the broker to acknowledge a batch before retrying it. Default 30 s. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Whether every audit record is also published to {@code fuseline.audit} for the archive. Default true. */
    @WithDefault("true")
    boolean publishAudit();
}
