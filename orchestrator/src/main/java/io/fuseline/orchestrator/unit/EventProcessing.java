package io.fuseline.orchestrator.unit;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.lifecycle.AuditEntry;
import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.Unit;
import io.fuseline.orchestrator.lifecycle.UnitLifecycle;
import io.fuseline.orchestrator.lifecycle.WorkOrderView;
import io.fuseline.orchestrator.store.InboxStore;
import io.fuseline.orchestrator.store.RegistryProjection;
import io.fuseline.orchestrator.store.StationStore;
import io.fuseline.orchestrator.store.RegistryBatch;
import io.fuseline.orchestrator.store.StoredUnit;
import io.fuseline.orchestrator.store.DeviceStore;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.StationHeartbeat;
import io.fuseline.schemas.message.StationScoped;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Handles one consumed event inside the caller's transaction: skip it if its id is in the inbox; otherwise record
 * it there, apply the lifecycle to the unit (version-checked), update the registry, append the audit records and
 * queue the commands. Either all of it commits or none.
 */
@ApplicationScoped
class EventProcessing {
    private static final Logger LOG = Logger.getLogger(EventProcessing.class);

    private final InboxStore inbox;
    private final StationStore stations;
    private final DeviceStore devices;
    private final WorkOrderStore workOrders;
    private final UnitLifecycle lifecycle;
    private final Projections projections;
    private final OutcomeWriter writer;
    private final Clock clock;
    private final StationSightings sightingsStored;

    EventProcessing(InboxStore inbox, StationStore stations, DeviceStore devices, WorkOrderStore workOrders,
                    UnitLifecycle lifecycle, Projections projections, OutcomeWriter writer, Clock clock,
                    StationSightings sightingsStored) {
        this.sightingsStored = sightingsStored;
        this.inbox = inbox;
        this.stations = stations;
        this.devices = devices;
        this.workOrders = workOrders;
        this.lifecycle = lifecycle;
        this.projections = projections;
        this.writer = writer;
        this.clock = clock;
    }

    /** Returns false for a duplicate delivery, which changes nothing. */
    boolean handle(CloudEvent<FuselineMessage> event) {
        Batch batch = batch();
        boolean handled = batch.handle(event);
        batch.finish();
        return handled;
    }

    /** Starts a batch of events handled in one transaction; {@link Batch#finish()} it before commit. */
    Batch batch() {
        return new Batch(writer.batch(), stations.sightings(), projections.batch(), workOrders.counts());
    }

    /**
     * Events handled in one transaction, as consecutive {@link #handle(CloudEvent)} calls would. The inbox entries
     * and the units' rows are read for all events at once ({@link #claim}); new units and the rare registry rows are
     * written as events are handled; the common registry rows, the units' new rows, the stations' sightings, the work
     * orders' counters, then all audit records and commands (in event order, with one lock of the audit head) at
     * {@link #finish()}, so the rows every transaction shares are locked last, in a fixed order. Not thread-safe.
     */
    final class Batch implements OutcomeWriter.UnitRows {
        private final OutcomeWriter.AuditBatch audit;
        private final StationStore.Sightings sightings;
        private final RegistryBatch rows;
        private final WorkOrderStore.Counts counts;
        /** The stations this batch writes a sighting of, and when. */
        private final Map<String, Instant> seen = new HashMap<>();
        /**
         * Units this batch changed, as they now stand. A changed row is written once, when the batch finishes (its
         * version checked against the one first read); until then the batch reads it from here.
         */
        private final Map<MacAddress, StoredUnit> written = new HashMap<>();
        /** The version each changed unit had when this batch first changed it (the stored row's). */
        private final Map<MacAddress, Long> readVersions = new HashMap<>();
        /** The claimed events not handled yet, or null when each event is recorded in the inbox as it comes. */
        private Set<InboxStore.Delivery> fresh;
        /** The units the claimed events name, read once by {@link #claim}. */
        private final Set<MacAddress> claimedUnits = new HashSet<>();
        /** The stored rows of those of {@link #claimedUnits} that are registered. */
        private final Map<MacAddress, StoredUnit> claimedRows = new HashMap<>();

        private Batch(OutcomeWriter.AuditBatch audit, StationStore.Sightings sightings, RegistryBatch rows,
                      WorkOrderStore.Counts counts) {
            this.audit = audit;
            this.sightings = sightings;
            this.rows = rows;
            this.counts = counts;
        }

        private Optional<StoredUnit> find(MacAddress mac) {
            StoredUnit unit = written.get(mac);
            if (unit != null) {
                return Optional.of(unit);
            }
            return claimedUnits.contains(mac) ? Optional.ofNullable(claimedRows.get(mac)) : devices.find(mac);
        }

        private void stored(MacAddress mac, Optional<StoredUnit> before, Optional<StoredUnit> after) {
            if (after.isPresent() && !after.equals(before)) {
                written.put(mac, after.get());
            }
        }

        /**
         * Records all the batch's events in the inbox at once and reads the rows of the units they name (optional:
         * else each event is recorded and its unit read as it is handled). Call before the first {@link #handle},
         * with the events it will be given.
         */
        void claim(List<CloudEvent<FuselineMessage>> events) {
            fresh = new HashSet<>(inbox.firstDeliveries(events.stream().map(EventProcessing::delivery).toList()));
            for (CloudEvent<FuselineMessage> e : events) {
                e.data().subjectMac().ifPresent(claimedUnits::add);
            }
            claimedRows.putAll(devices.findAll(claimedUnits));
        }

        /** Returns false for a duplicate delivery, which changes nothing. */
        boolean handle(CloudEvent<FuselineMessage> event) {
            return EventProcessing.this.handle(event, this);
        }

        private boolean firstDelivery(CloudEvent<FuselineMessage> event) {
            // A claimed event is first delivered once: a repeat within the batch finds it gone.
            return fresh != null ? fresh.remove(delivery(event))
                    : inbox.firstDelivery(event.source(), event.id(), event.type());
        }

        /** Notes a unit's new row, written at {@link #finish()}. */
        @Override
        public void updated(Unit after, long expectedVersion, Instant now) {
            readVersions.putIfAbsent(after.mac(), expectedVersion);
        }

        /** Notes a work order's counters, written at {@link #finish()}. */
        @Override
        public void counted(String workOrderId, int started, int provisioned, int quarantined) {
            counts.add(workOrderId, started, provisioned, quarantined);
        }

        void finish() {
            rows.flush();
            sightings.write();
            sightingsStored.writing(seen);
            writeUnits();
            counts.write();
            audit.flush();
        }

        /** Each changed unit's last row, in MAC order: batches that share units lock them in the same order. */
        private void writeUnits() {
            List<DeviceStore.Update> updates = new java.util.ArrayList<>(readVersions.size());
            readVersions.entrySet().stream().sorted(Map.Entry.comparingByKey(
                    java.util.Comparator.comparing(MacAddress::toString))).forEach(e -> {
                        StoredUnit now = written.get(e.getKey());
                        updates.add(new DeviceStore.Update(now.unit(), e.getValue(), now.version(), now.updatedAt()));
                    });
            if (!updates.isEmpty()) {
                devices.updateAll(updates);
            }
            readVersions.clear();
        }
    }

    private boolean handle(CloudEvent<FuselineMessage> event, Batch batch) {
        if (!batch.firstDelivery(event)) {
            LOG.debugf("duplicate %s id=%s from %s: already handled", event.type(), event.id(), event.source());
            return false;
        }
        Instant now = clock.instant();
        FuselineMessage m = event.data();
        if (m instanceof StationScoped s) {
            StationHeartbeat hb = m instanceof StationHeartbeat h ? h : null;
            if (hb != null || sightingsStored.due(s.stationId(), now)) {
                batch.sightings.note(s.stationId(), now, hb == null ? null : hb.softwareVersion(),
                        hb == null ? null : hb.enrolledKeyFingerprint());
                batch.seen.merge(s.stationId(), now, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Optional<MacAddress> mac = m.subjectMac();
        MessageType type = event.messageType();
        switch (type) {
            case DEVICE_ATTACHED, STATION_HEARTBEAT -> {
                return true;
            }
            case DEVICE_DETACHED, DEVICE_IDENTIFIED, KEY_MATERIAL_ISSUED, STEP_STARTED, STEP_COMPLETED, STEP_FAILED,
                    FUSE_BURNED -> {
                if (mac.isPresent()) {
                    unitEvent(event, mac.get(), now, batch);
                }
                return true;
            }
            case KEY_MATERIAL_REQUESTED, PROVISION_JOB, DEVICE_PROVISIONED, QUARANTINE_ORDERED, QUARANTINE_RELEASED,
                    AUDIT_RECORD -> throw new IllegalArgumentException(type.type()
                    + " is a command or record the orchestrator produces, not an event it consumes");
        }
        return true;
    }

    private void unitEvent(CloudEvent<FuselineMessage> event, MacAddress mac, Instant now, Batch batch) {
        Optional<StoredUnit> before = batch.find(mac);
        Outcome outcome;
        if (event.data() instanceof DeviceIdentified id) {
            Optional<WorkOrderView> wo = UnitLifecycle.needsWorkOrder(before.map(StoredUnit::unit))
                    ? workOrders.openForStationLocked(id.stationId(), id.chip().toolName()).map(batch.counts::pending)
                    : Optional.empty();
            outcome = lifecycle.identified(before.map(StoredUnit::unit), id, wo);
        } else if (before.isEmpty()) {
            LOG.warnf("unit %s: %s id=%s from %s names a unit the registry does not know", mac, event.type(),
                    event.id(), event.source());
            outcome = new Outcome(null, List.of(), List.of(AuditEntry.of("event.unknown_unit", "cause", event.type(),
                    "eventId", event.id(), "source", event.source())), false);
        } else {
            outcome = lifecycle.on(before.get().unit(), event.data());
        }
        batch.stored(mac, before, writer.storeUnit(before, outcome, now, batch));
        if (outcome.unit() != null) {
            projections.record(event.data(), before.map(StoredUnit::unit), outcome, now, batch.rows);
            logTransition(before, outcome);
        }
        batch.audit.add(OutcomeWriter.ACTOR, mac.toString(), outcome, now);
    }

    private static InboxStore.Delivery delivery(CloudEvent<FuselineMessage> event) {
        return new InboxStore.Delivery(event.source(), event.id(), event.type());
    }

    private static void logTransition(Optional<StoredUnit> before, Outcome outcome) {
        StateKind was = before.map(s -> s.unit().state().kind()).orElse(null);
        StateKind now = outcome.unit().state().kind();
        if (was != now) {
            LOG.infof("unit %s: %s -> %s", outcome.unit().describe(), was == null ? "NEW" : was, now);
        }
    }
}
