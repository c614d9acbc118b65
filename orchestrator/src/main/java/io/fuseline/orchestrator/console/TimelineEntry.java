package io.fuseline.orchestrator.console;

import java.time.Instant;
import java.util.List;

/**
 * One line of a unit's timeline. {@code kind} is one of identified, keys, step, fuse, state, quarantine, decision,
 * outcome (the page styles each); {@code auditHref} opens the audit records behind the line (null when none was
 * found, which the page says).
 */
public record TimelineEntry(Instant time, String kind, String title, List<Detail> details, Long auditSequence,
                            String auditHref) {
}
