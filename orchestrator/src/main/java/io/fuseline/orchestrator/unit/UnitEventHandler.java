package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.messaging.StationEventSink;
import io.fuseline.orchestrator.metrics.UnitMetrics;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.store.ConcurrentUpdateException;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The orchestrator's handler of every consumed event (station events and the vault's results): one database
 * transaction per event, retried from a fresh read when another instance changed the same unit meanwhile. After a
 * commit the outbox relay is woken, so commands leave without waiting for its next poll.
 *
 * <p>Throws only for events that can never be handled (they are dead-lettered) or when the retries for concurrent
 * updates, or the database, give out.
 */
@ApplicationScoped
public class UnitEventHandler implements StationEventSink {
    private static final Logger LOG = Logger.getLogger(UnitEventHandler.class);

    private final EventProcessing processing;
    private final OutboxRelay relay;
    private final LifecycleConfig config;

    private final UnitMetrics metrics;

    UnitEventHandler(EventProcessing processing, OutboxRelay relay, LifecycleConfig config, UnitMetrics metrics) {
        this.metrics = metrics;
        this.processing = processing;
        this.relay = relay;
        this.config = config;
    }

    @Override
    public void accept(CloudEvent<FuselineMessage> event) {
        MDC.put("mac", event.subject() == null ? "-" : event.subject());
        MDC.put("event", event.type() + " " + event.id());
        long start = System.nanoTime();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> processing.handle(event))) {
                        relay.wake();
                    }
                    return;
                } catch (RuntimeException failure) {
                    ConcurrentUpdateException e = concurrentUpdate(failure);
                    if (attempt >= config.concurrentUpdateRetries()) {
                        throw new IllegalStateException("gave up on " + event.type() + " id=" + event.id() + " after "
                                + attempt + " concurrent updates of unit " + event.subject(), e);
                    }
                    LOG.debugf("unit %s changed concurrently (%s); handling %s again", event.subject(),
                            e.getMessage(), event.id());
                }
            }
        } finally {
            metrics.eventHandled(event.type(), java.time.Duration.ofNanos(System.nanoTime() - start));
            MDC.remove("mac");
            MDC.remove("event");
        }
    }

    /** The optimistic-lock failure behind {@code failure}, else {@code failure} itself is rethrown. */
    private static ConcurrentUpdateException concurrentUpdate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentUpdateException c) {
                return c;
            }
        }
        throw failure;
    }
}
