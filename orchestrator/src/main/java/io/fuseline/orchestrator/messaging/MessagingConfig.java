package io.fuseline.orchestrator.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the orchestrator treats records on its topics. */
@ConfigMapping(prefix = "fuseline.messaging")
public interface MessagingConfig {

    /**
     * Largest encoded record data accepted, in bytes; larger records go to the DLQ as oversized. Must stay below the
     * consumer's {@code max.partition.fetch.bytes} so an oversized record is read (and dead-lettered) rather than
     * blocking the partition. Default 262144 (256 KiB).
     */
    @WithDefault("262144")
    int maxRecordBytes();

    /** The CloudEvents {@code source} of everything this instance publishes. Default {@code /fuseline/orchestrator}. */
    @WithDefault("/fuseline/orchestrator")
    String source();
}
