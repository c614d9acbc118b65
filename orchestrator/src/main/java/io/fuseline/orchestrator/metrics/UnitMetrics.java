package io.fuseline.orchestrator.metrics;

import io.fuseline.orchestrator.store.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The line's Micrometer meters (Prometheus at {@code /q/metrics}): units by outcome, quarantines by reason, step
 * durations as the stations measured them, event handling time. Calls made inside a transaction count only when it
 * commits (a rolled-back, retried event must not count twice). Thread-safe.
 */
@ApplicationScoped
public class UnitMetrics {
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    UnitMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** A unit reached a final or decided state: {@code provisioned}, {@code quarantined}, {@code released}. */
    public void outcome(String outcome) {
        afterCommit.run(() -> Counter.builder("fuseline.units").description("Units by outcome")
                .tag("outcome", outcome).register(registry).increment());
    }

    /** A unit was quarantined for {@code reason} (a QuarantineReason name). */
    public void quarantined(String reason) {
        afterCommit.run(() -> Counter.builder("fuseline.quarantines").description("Quarantines by reason")
                .tag("reason", reason).register(registry).increment());
    }

    /** A step completed on a station in {@code millis} (the station's measurement). */
    public void stepDuration(String kind, long millis) {
        afterCommit.run(() -> Timer.builder("fuseline.step.duration")
                .description("Step durations reported by stations").tag("kind", kind).publishPercentileHistogram()
                .register(registry).record(Duration.ofMillis(millis)));
    }

    /** The orchestrator handled an event of {@code type} (the CloudEvents type) in {@code elapsed}. */
    public void eventHandled(String type, Duration elapsed) {
        Timer.builder("fuseline.event.handling").description("Time to handle one consumed event (one transaction)")
                .tag("type", type).register(registry).record(elapsed);
    }
}
