package io.fuseline.deploy.demo;

import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.station.sim.VirtualChip;
import java.time.Duration;
import java.util.Optional;

/**
 * How one demo unit ended. {@code wire} is the time its job steps took on the jig (serial traffic, flash and eFuse
 * programming); the rest of {@code cycle} went to identification, keys, dispatch and the operator. {@code chip} is
 * the unit as it left the jig, to be inspected.
 */
public record UnitResult(PlannedUnit unit, String jigId, Verdict verdict, Optional<QuarantineReason> reason,
                         Duration cycle, Duration wire, int jobs, int failedSteps, VirtualChip chip) {

    /** What the line decided. */
    public enum Verdict { PROVISIONED, QUARANTINED, NO_VERDICT }

    /** Whether the line did with the unit what its fault calls for. */
    public boolean asExpected() {
        return unit.fault().expectedQuarantine()
                .map(r -> verdict == Verdict.QUARANTINED && reason.equals(Optional.of(r)))
                .orElse(verdict == Verdict.PROVISIONED);
    }
}
