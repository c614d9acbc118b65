package io.fuseline.orchestrator.metrics;

import io.fuseline.orchestrator.outbox.AuditPublication;
import io.fuseline.orchestrator.outbox.OutboxConfig;
import io.fuseline.orchestrator.outbox.OutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code fuseline.outbox.backlog}: committed commands and audit records not yet published. Counted on a schedule
 * ({@code fuseline.metrics.refresh-interval}), not on scrape, so a scrape never waits on the database.
 */
@ApplicationScoped
public class OutboxBacklogGauge {
    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class);

    private final OutboxStore outbox;
    private final AuditPublication audit;
    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();

    OutboxBacklogGauge(OutboxStore outbox, AuditPublication audit, OutboxConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.registry = registry;
    }

    void register(@Observes StartupEvent ignored) {
        Gauge.builder("fuseline.outbox.backlog", backlog, AtomicLong::get)
                .description("Commands and audit records committed but not yet published").register(registry);
    }

    @Scheduled(every = "${fuseline.metrics.refresh-interval:5s}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            backlog.set(QuarkusTransaction.requiringNew().call(() -> outbox.backlog()
                    + (config.publishAudit() ? audit.backlog() : 0)));
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not counted: %s", e.getMessage());
        }
    }

    public long current() {
        return backlog.get();
    }
}
