package io.fuseline.orchestrator.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.orchestrator.store.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StationSightingsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    @Test
    void aStationIsWrittenAgainOnlyOnceItsStoredTimeIsAResolutionOld() {
        StationSightings sightings = new StationSightings(Duration.ofSeconds(1), new AfterCommit(null));
        assertThat(sightings.due("st-1", T0)).isTrue();

        sightings.writing(Map.of("st-1", T0));
        assertThat(sightings.due("st-1", T0.plusMillis(999))).isFalse();
        assertThat(sightings.due("st-1", T0.plusSeconds(1))).isTrue();
        assertThat(sightings.due("st-2", T0.plusMillis(1))).as("another station").isTrue();

        // An older sighting written later (another batch's) does not move the stored time back.
        sightings.writing(Map.of("st-1", T0.minusSeconds(5)));
        assertThat(sightings.due("st-1", T0.plusMillis(999))).isFalse();
    }

    @Test
    void aResolutionOfZeroWritesEverySighting() {
        StationSightings sightings = new StationSightings(Duration.ZERO, new AfterCommit(null));
        sightings.writing(Map.of("st-1", T0));
        assertThat(sightings.due("st-1", T0)).isTrue();
    }
}
