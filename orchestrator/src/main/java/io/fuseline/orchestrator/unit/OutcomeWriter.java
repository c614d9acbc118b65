package io.fuseline.orchestrator.unit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.orchestrator.lifecycle.AuditEntry;
import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.Unit;
import io.fuseline.orchestrator.messaging.MessagingConfig;
import io.fuseline.orchestrator.outbox.OutboxConfig;
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
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.orchestrator.metrics.UnitMetrics;
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
    private final OutboxConfig outboxConfig;
    private final UnitMetrics metrics;

    OutcomeWriter(DeviceStore devices, WorkOrderStore workOrders, AuditLogStore audit, OutboxStore outbox,
                  CloudEventCodec codec, MessagingConfig messaging, OutboxConfig outboxConfig, UnitMetrics metrics) {
        this.metrics = metrics;
        this.devices = devices;
        this.workOrders = workOrders;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.messaging = messaging;
        this.outboxConfig = outboxConfig;
    }

    /** Stores the unit; the registry projections must run after this (they reference the device row). */
    void storeUnit(Optional<StoredUnit> before, Outcome outcome, Instant now) {
        Unit after = outcome.unit();
        if (after == null) {
            return;
        }
        if (before.isEmpty()) {
            devices.insert(after, now);
        } else if (!after.equals(before.get().unit())) {
            devices.update(after, before.get().version(), now);
        }
        countWorkOrder(before.map(StoredUnit::unit), outcome);
        StateKind was = before.map(u -> u.unit().state().kind()).orElse(null);
        StateKind is = after.state().kind();
        if (was != is && (is == StateKind.PROVISIONED || is == StateKind.QUARANTINED || is == StateKind.RELEASED)) {
            metrics.outcome(is.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Appends the audit records for {@code subject} (the lifecycle's, then one per command) and queues the commands
     * and, if configured, the audit records for publication.
     */
    void auditAndQueue(String subject, Outcome outcome, Instant now) {
        auditAndQueue(ACTOR, subject, outcome, now);
    }

    /** As {@link #auditAndQueue(String, Outcome, Instant)}, with the lifecycle's records made by {@code actor}. */
    void auditAndQueue(String actor, String subject, Outcome outcome, Instant now) {
        AuditLogStore.Appender chain = audit.open();
        List<AuditRecord> records = new ArrayList<>();
        for (AuditEntry e : outcome.audit()) {
            records.add(chain.append(actor, e.action(), subject, Jdbc.JSON.valueToTree(e.details()), now));
        }
        // The unit's closing record is the last one the lifecycle asked for: its hash is the verdict's audit head.
        String head = chain.head();
        for (FuselineMessage command : outcome.commands()) {
            FuselineMessage filled = command instanceof DeviceProvisioned p ? withHead(p, head) : command;
            if (command instanceof QuarantineOrdered q) {
                metrics.quarantined(q.reason().name());
            }
            CloudEvent<FuselineMessage> event = CloudEvent.of(messaging.source(), filled);
            EncodedEvent encoded = codec.encode(event);
            String topic = Topics.topicOf(filled).topicName();
            String key = Topics.keyFor(filled);
            ObjectNode payload = Jdbc.JSON.createObjectNode().put("type", event.type()).put("eventId", event.id())
                    .put("topic", topic).put("key", key);
            records.add(chain.append(ACTOR, "command.queued", subject, payload, now));
            outbox.add(topic, key, encoded.headers(), encoded.data());
        }
        chain.finish();
        if (outboxConfig.publishAudit()) {
            for (AuditRecord r : records) {
                EncodedEvent encoded = codec.encode(CloudEvent.of(messaging.source(), r));
                outbox.add(Topics.AUDIT, Topics.keyFor(r), encoded.headers(), encoded.data());
            }
        }
    }

    private void countWorkOrder(Optional<Unit> before, Outcome outcome) {
        Unit after = outcome.unit();
        if (after.workOrderId() == null) {
            return;
        }
        StateKind was = before.map(u -> u.state().kind()).orElse(null);
        StateKind now = after.state().kind();
        int provisioned = now == StateKind.PROVISIONED && was != StateKind.PROVISIONED ? 1 : 0;
        int quarantined = now == StateKind.QUARANTINED && was != StateKind.QUARANTINED ? 1 : 0;
        if (outcome.admitted() || provisioned + quarantined > 0) {
            workOrders.count(after.workOrderId(), outcome.admitted() ? 1 : 0, provisioned, quarantined);
        }
    }

    private static DeviceProvisioned withHead(DeviceProvisioned p, String head) {
        return new DeviceProvisioned(p.jobId(), p.mac(), p.chip(), p.stationId(), p.workOrderId(), p.recipeId(),
                p.attempt(), p.keyMaterialRequestId(), p.burnedKeyIds(), head);
    }
}
