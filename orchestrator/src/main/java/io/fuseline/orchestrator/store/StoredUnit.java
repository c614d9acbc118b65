package io.fuseline.orchestrator.store;

import io.fuseline.orchestrator.lifecycle.Unit;
import java.time.Instant;

/** A unit as read, with the row version an update must name and when the row last changed. */
public record StoredUnit(Unit unit, long version, Instant updatedAt) {
}
