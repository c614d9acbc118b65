package io.fuseline.orchestrator.unit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.orchestrator.audit.AuditBody;
import io.fuseline.orchestrator.lifecycle.AuditEntry;
import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.Unit;
import io.fuseline.orchestrator.messaging.MessagingConfig;
import io.fuseline.orchestrator.metrics.UnitMetrics;
import io.fuseline.orchestrator.outbox.OutboxStore;
import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.orchestrator.store.DeviceStore;
import io.fuseline.orchestrator.store.Jdbc;
import io.fuseline.orchestrator.store.StoredUnit;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.QuarantineOrdered;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores what the lifecycle decided, inside the caller's transaction: the unit's row (version-checked), the work
 * order's counters, the audit records, and the commands in the outbox. The audit head is locked last, to keep the
 * section that serialises all instances short.
 */
@ApplicationScoped
class OutcomeWriter {
    static final String ACTOR = "orchestrator";

    private final DeviceStore devices;
    private final WorkOrderStore workOrders;
    private final AuditLogStore audit;
    private final OutboxStore outbox;
    private final CloudEventCodec codec;
    private final MessagingConfig messaging;
    private final UnitMetrics metrics;

    OutcomeWriter(DeviceStore devices, WorkOrderStore workOrders, AuditLogStore audit, OutboxStore outbox,
                  CloudEventCodec codec, MessagingConfig messaging, UnitMetrics metrics) {
        this.metrics = metrics;
        this.devices = devices;
        this.workOrders = workOrders;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.messaging = messaging;
    }

    /**
     * Stores the unit; the registry projections must run after this (they reference the device row). Returns the row
     * as it now stands in this transaction (what {@code DeviceStore.find} would read), or {@code before} if the
     * outcome has no unit.
     */
    Optional<StoredUnit> storeUnit(Optional<StoredUnit> before, Outcome outcome, Instant now) {
        return storeUnit(before, outcome, now, new UnitRows() {
            @Override
            public void updated(Unit after, long expectedVersion, Instant at) {
                devices.update(after, expectedVersion, at);
            }

            @Override
            public void counted(String workOrderId, int started, int provisioned, int quarantined) {
                workOrders.count(workOrderId, started, provisioned, quarantined);
            }
        });
    }

    /** Where a changed unit's row and its work order's counters go: written at once, or when a batch ends. */
    interface UnitRows {
        void updated(Unit after, long expectedVersion, Instant now);

        void counted(String workOrderId, int started, int provisioned, int quarantined);
    }

    /**
     * As {@link #storeUnit(Optional, Outcome, Instant)}, with an existing unit's new row and the counters handed to
     * {@code rows} (a new unit is inserted at once: the registry's rows reference it).
     */
    Optional<StoredUnit> storeUnit(Optional<StoredUnit> before, Outcome outcome, Instant now, UnitRows rows) {
        Unit after = outcome.unit();
        if (after == null) {
            return before;
        }
        Optional<StoredUnit> stored;
        if (before.isEmpty()) {
            devices.insert(after, now);
            stored = Optional.of(new StoredUnit(after, 0, now));
        } else if (!after.equals(before.get().unit())) {
            rows.updated(after, before.get().version(), now);
            stored = Optional.of(new StoredUnit(after, before.get().version() + 1, now));
        } else {
            stored = before;
        }
        countWorkOrder(before.map(StoredUnit::unit), outcome, rows);
        StateKind was = before.map(u -> u.unit().state().kind()).orElse(null);
        StateKind is = after.state().kind();
        if (was != is && (is == StateKind.PROVISIONED || is == StateKind.QUARANTINED || is == StateKind.RELEASED)) {
            metrics.outcome(is.name().toLowerCase(java.util.Locale.ROOT));
        }
        return stored;
    }

    /**
     * Appends the audit records for {@code subject} (the lifecycle's, then one per command) and queues the commands
     * (the relay publishes the audit records from the log).
     */
    void auditAndQueue(String subject, Outcome outcome, Instant now) {
        auditAndQueue(ACTOR, subject, outcome, now);
    }

    /** As {@link #auditAndQueue(String, Outcome, Instant)}, with the lifecycle's records made by {@code actor}. */
    void auditAndQueue(String actor, String subject, Outcome outcome, Instant now) {
        AuditBatch batch = batch();
        batch.add(actor, subject, outcome, now);
        batch.flush();
    }

    /** A batch that collects the outcomes of one transaction and writes their records and commands at the end. */
    AuditBatch batch() {
        return new AuditBatch();
    }

    /**
     * The audit records and commands of several outcomes in one transaction, written by {@link #flush()} in the order
     * they were added, as consecutive {@link #auditAndQueue} calls would: with one lock of the audit head, taken at
     * the end of the transaction, and one batch of statements each for the audit log and the outbox. Not thread-safe.
     */
    final class AuditBatch {
        private record Pending(String actor, String subject, Outcome outcome, Instant now) {
        }

        private final List<Pending> pending = new ArrayList<>();

        private AuditBatch() {
        }

        void add(String actor, String subject, Outcome outcome, Instant now) {
            if (!outcome.audit().isEmpty() || !outcome.commands().isEmpty()) {
                pending.add(new Pending(actor, subject, outcome, now));
            }
        }

        /**
         * Locks the audit head, appends, queues; does nothing (and locks nothing) when nothing was added. Every
         * record's body and every command that does not carry the head are prepared first: the head's lock
         * serialises all instances' transactions until they commit, so only what needs the head is done under it.
         */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<Prepared> prepared = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                prepared.add(prepare(p));
            }
            pending.clear();
            AuditLogStore.Appender chain = audit.open();
            List<OutboxStore.Queued> queued = new ArrayList<>();
            for (Prepared p : prepared) {
                for (AuditBody record : p.records()) {
                    chain.append(record);
                }
                // The unit's closing record is the last one the lifecycle asked for: its hash is the verdict's head.
                String head = chain.head();
                for (PreparedCommand c : p.commands()) {
                    EncodedEvent encoded = c.encoded() != null ? c.encoded()
                            : codec.encodeBuilt(withHead(c.event(), head));
                    chain.append(c.queuedRecord());
                    queued.add(new OutboxStore.Queued(c.topic(), c.key(), encoded.headers(), encoded.data()));
                }
            }
            chain.finish();
            // The audit records reach fuseline.audit from the log itself (OutboxRelay), not through the outbox.
            if (!queued.isEmpty()) {
                outbox.addAll(queued);
            }
        }

        private Prepared prepare(Pending p) {
            List<AuditBody> records = new ArrayList<>(p.outcome().audit().size());
            for (AuditEntry e : p.outcome().audit()) {
                records.add(AuditBody.of(p.actor(), e.action(), p.subject(), Jdbc.JSON.valueToTree(e.details()),
                        p.now()));
            }
            List<PreparedCommand> commands = new ArrayList<>(p.outcome().commands().size());
            for (FuselineMessage command : p.outcome().commands()) {
                if (command instanceof QuarantineOrdered q) {
                    metrics.quarantined(q.reason().name());
                }
                // Built here from typed records: encoded without the JSON Schema check (decoding consumers check it;
                // the schemas module's tests prove the records' JSON satisfies the schemas). A verdict carries the
                // audit head, so it is encoded once the head is locked; its id and time are fixed now.
                CloudEvent<FuselineMessage> event = CloudEvent.of(messaging.source(), command);
                EncodedEvent encoded = command instanceof DeviceProvisioned ? null : codec.encodeBuilt(event);
                String topic = Topics.topicOf(command).topicName();
                String key = Topics.keyFor(command);
                ObjectNode payload = Jdbc.JSON.createObjectNode().put("type", event.type()).put("eventId", event.id())
                        .put("topic", topic).put("key", key);
                commands.add(new PreparedCommand(event, encoded, topic, key,
                        AuditBody.of(ACTOR, "command.queued", p.subject(), payload, p.now())));
            }
            return new Prepared(records, commands);
        }
    }

    private record Prepared(List<AuditBody> records, List<PreparedCommand> commands) {
    }

    /** A command ready to queue: encoded already, or (a verdict) once the audit head is known. */
    private record PreparedCommand(CloudEvent<FuselineMessage> event, EncodedEvent encoded, String topic, String key,
                                   AuditBody queuedRecord) {
    }

    /** The command's event as sent: a {@link DeviceProvisioned} carries the audit head it closes with. */
    private static CloudEvent<FuselineMessage> withHead(CloudEvent<FuselineMessage> event, String head) {
        return event.data() instanceof DeviceProvisioned dp
                ? CloudEvent.of(event.id(), event.source(), event.time(), withHead(dp, head)) : event;
    }

    private static void countWorkOrder(Optional<Unit> before, Outcome outcome, UnitRows rows) {
        Unit after = outcome.unit();
        if (after.workOrderId() == null) {
            return;
        }
        StateKind was = before.map(u -> u.state().kind()).orElse(null);
        StateKind now = after.state().kind();
        int provisioned = now == StateKind.PROVISIONED && was != StateKind.PROVISIONED ? 1 : 0;
        int quarantined = now == StateKind.QUARANTINED && was != StateKind.QUARANTINED ? 1 : 0;
        if (outcome.admitted() || provisioned + quarantined > 0) {
            rows.counted(after.workOrderId(), outcome.admitted() ? 1 : 0, provisioned, quarantined);
        }
    }

    private static DeviceProvisioned withHead(DeviceProvisioned p, String head) {
        return new DeviceProvisioned(p.jobId(), p.mac(), p.chip(), p.stationId(), p.workOrderId(), p.recipeId(),
                p.attempt(), p.keyMaterialRequestId(), p.burnedKeyIds(), head);
    }
}
