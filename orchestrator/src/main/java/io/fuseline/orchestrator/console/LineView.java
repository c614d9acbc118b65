package io.fuseline.orchestrator.console;

import java.time.Instant;
import java.util.List;

/**
 * The Line page at one moment: line totals, then each station with its jigs. {@code unitsLastHour} counts units
 * provisioned in the last 60 minutes; {@code yieldPercent} is provisioned over decided units (provisioned,
 * quarantined, released), as the yield report computes it.
 */
public record LineView(Instant at, long unitsLastHour, long units, long provisioned, double yieldPercent,
                       long openQuarantines, List<StationRow> stations) {

    /** One station: when it last spoke ({@code silent} past the station-silence timeout) and its jigs. */
    public record StationRow(String stationId, Instant lastSeen, boolean silent, String softwareVersion,
                             long unitsLastHour, long units, double yieldPercent, long openQuarantines,
                             List<JigRow> jigs) {
    }

    /**
     * One jig and the unit last on it. {@code busy} while that unit is being provisioned; {@code activity} says what
     * is happening in words; {@code stepsDone} of {@code steps} is the job's progress.
     */
    public record JigRow(String jigId, String mac, String state, boolean busy, String activity, Integer attempt,
                         long steps, long stepsDone, String currentStep, Instant updatedAt) {

        public long progressPercent() {
            return steps == 0 ? 0 : stepsDone * 100 / steps;
        }
    }
}
