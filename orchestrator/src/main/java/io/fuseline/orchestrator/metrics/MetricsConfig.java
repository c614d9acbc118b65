package io.fuseline.orchestrator.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the orchestrator's own gauges are refreshed. */
@ConfigMapping(prefix = "fuseline.metrics")
public interface MetricsConfig {

    /** How often (a duration) gauges read from the database (the outbox backlog) are refreshed. Default 5 s. */
    @WithDefault("5s")
    Duration refreshInterval();
}
