package io.fuseline.orchestrator.unit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the orchestrator drives units: retries, station silence, recipes, concurrent updates. */
@ConfigMapping(prefix = "fuseline.lifecycle")
public interface LifecycleConfig {

    /**
     * Jobs a unit may get in total (a count): a transient failure before the first irreversible step starts a new
     * attempt until this many were used; then the unit is quarantined (RETRIES_EXHAUSTED). Default 3.
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * How long (a duration, e.g. {@code 60s}) a station may stay silent, no heartbeat and no event, while one of its
     * units is in a job, before those units are quarantined (STATION_SILENT). Default 60 s: a station heartbeats
     * every few seconds.
     */
    @WithDefault("60s")
    Duration stationSilenceTimeout();

    /**
     * How old (a duration) a station's stored last-seen time may grow while it keeps reporting, before an event
     * writes it again: busy stations are not rewritten by every batch. It delays the silence check by at most this
     * much. Default 1 s; 0 writes every sighting.
     */
    @WithDefault("1s")
    Duration stationSeenResolution();

    /** How often (a duration) the station-silence check runs. Default 10 s. */
    @WithDefault("10s")
    Duration silenceCheckInterval();

    /** The directory of recipe files ({@code *.json}, see docs/recipes.md), read once at start. Default {@code recipes}. */
    @WithDefault("recipes")
    String recipesDir();

    /**
     * How many times (a count) handling one event is retried when another instance changed the same unit
     * concurrently (optimistic lock), before the event is dead-lettered. Default 5.
     */
    @WithDefault("5")
    int concurrentUpdateRetries();
}
