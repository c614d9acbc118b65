package io.fuseline.orchestrator.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Thresholds of the orchestrator's own health checks. */
@ConfigMapping(prefix = "fuseline.health")
public interface HealthConfig {

    /**
     * How long (a duration) a unit may wait for its key material after KeyMaterialRequested before the vault-replies
     * readiness check reports DOWN. Default 60 s (the vault answers in well under a second).
     */
    @WithDefault("60s")
    Duration vaultReplyTimeout();
}
