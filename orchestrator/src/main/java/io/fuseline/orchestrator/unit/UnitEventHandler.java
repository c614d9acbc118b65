package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.messaging.StationEventSink;
import io.fuseline.orchestrator.metrics.UnitMetrics;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.store.ConcurrentUpdateException;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The orchestrator's handler of every consumed event (station events and the vault's results): one database
 * transaction per event, or per poll batch ({@link #acceptAll}), retried from a fresh read when another instance
 * changed the same unit meanwhile. After a commit the outbox relay is woken, so commands leave without waiting for
 * its next poll.
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
                    RuntimeException e = concurrentUpdate(failure);
                    if (attempt >= config.concurrentUpdateRetries()) {
                        throw new IllegalStateException("gave up on " + event.type() + " id=" + event.id() + " after "
                                + attempt + " concurrent updates of unit " + event.subject(), e);
                    }
                    LOG.debugf("unit %s changed concurrently (%s); handling %s again", event.subject(),
                            e.getMessage(), event.id());
                }
            }
        } finally {
            metrics.eventHandled(event.type(), Duration.ofNanos(System.nanoTime() - start));
            MDC.remove("mac");
            MDC.remove("event");
        }
    }

    /**
     * Handles the events in one transaction, as consecutive {@link #accept} calls would: each event's inbox check,
     * transition, registry rows in order, then all their audit records and commands with one lock of the audit head.
     * Retried from a fresh read when another instance changed one of the units meanwhile. If the batch cannot commit
     * for another reason (an event that can never be handled), it is rolled back and its events are handled one by
     * one, so that only the bad one fails.
     */
    @Override
    public List<RuntimeException> acceptAll(List<CloudEvent<FuselineMessage>> events) {
        if (events.size() <= 1) {
            return StationEventSink.super.acceptAll(events);
        }
        long[] nanos = new long[events.size()];
        long start = System.nanoTime();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> handleBatch(events, nanos))) {
                        relay.wake();
                    }
                    break;
                } catch (RuntimeException failure) {
                    RuntimeException e = concurrentUpdate(failure);
                    if (attempt >= config.concurrentUpdateRetries()) {
                        throw new IllegalStateException("gave up on a batch of " + events.size() + " after " + attempt
                                + " concurrent updates", e);
                    }
                    LOG.debugf("a unit changed concurrently (%s); handling the batch of %d again", e.getMessage(),
                            events.size());
                }
            }
        } catch (RuntimeException failure) {
            LOG.warnf("a batch of %d events did not commit (%s); handling them one by one", events.size(),
                    failure.getMessage());
            return StationEventSink.super.acceptAll(events);
        }
        // Each event is charged its own handling time and an equal share of the batch's flush and commit.
        long shared = (System.nanoTime() - start - Arrays.stream(nanos).sum()) / events.size();
        for (int i = 0; i < events.size(); i++) {
            metrics.eventHandled(events.get(i).type(), Duration.ofNanos(nanos[i] + Math.max(0, shared)));
        }
        return new ArrayList<>(Collections.nCopies(events.size(), null));
    }

    private boolean handleBatch(List<CloudEvent<FuselineMessage>> events, long[] nanos) {
        EventProcessing.Batch batch = processing.batch();
        batch.claim(events);
        boolean queued = false;
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<FuselineMessage> event = events.get(i);
            MDC.put("mac", event.subject() == null ? "-" : event.subject());
            MDC.put("event", event.type() + " " + event.id());
            long start = System.nanoTime();
            try {
                queued |= batch.handle(event);
            } finally {
                nanos[i] = System.nanoTime() - start;
                MDC.remove("mac");
                MDC.remove("event");
            }
        }
        batch.finish();
        return queued;
    }

    /**
     * The conflict with another transaction behind {@code failure} (an optimistic-lock failure, or PostgreSQL's
     * deadlock or serialization failure, SQLSTATE 40P01 / 40001): worth retrying. Else {@code failure} itself is
     * rethrown.
     */
    private static RuntimeException concurrentUpdate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentUpdateException c) {
                return c;
            }
            if (t instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return new ConcurrentUpdateException(sql.getMessage());
            }
        }
        throw failure;
    }
}
