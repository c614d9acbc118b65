package io.fuseline.orchestrator.unit;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.lifecycle.UnitLifecycle;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.store.DeviceStore;
import io.fuseline.orchestrator.store.QuarantineStore;
import io.fuseline.orchestrator.store.StoredUnit;
import io.fuseline.schemas.message.Disposition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A quality engineer's decision on a quarantine case, in one transaction: the case is locked and closed with the
 * disposition, the unit moves to RELEASED (version-checked), the decision is an audit record whose actor is the
 * engineer, and the vault is told (QuarantineReleased, through the outbox). RETEST and REWORK let the unit re-enter
 * with a reprovision key request when a station identifies it again.
 */
@ApplicationScoped
public class QuarantineDesk {
    private static final Logger LOG = Logger.getLogger(QuarantineDesk.class);

    /** The case does not exist. */
    public static final class UnknownCase extends RuntimeException {
        UnknownCase(String quarantineId) {
            super("no quarantine case " + quarantineId);
        }
    }

    /** The case was already decided, or the unit has left it. */
    public static final class AlreadyDecided extends RuntimeException {
        AlreadyDecided(String message) {
            super(message);
        }
    }

    private final QuarantineStore cases;
    private final DeviceStore devices;
    private final UnitLifecycle lifecycle;
    private final OutcomeWriter writer;
    private final OutboxRelay relay;
    private final Clock clock;

    QuarantineDesk(QuarantineStore cases, DeviceStore devices, UnitLifecycle lifecycle, OutcomeWriter writer,
                   OutboxRelay relay, Clock clock) {
        this.cases = cases;
        this.devices = devices;
        this.lifecycle = lifecycle;
        this.writer = writer;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Decides case {@code quarantineId}. Not idempotent: a second decision on the same case is refused.
     *
     * @throws UnknownCase              no such case
     * @throws AlreadyDecided           the case is closed or the unit is no longer in it
     * @throws IllegalArgumentException {@code by} or {@code reason} is blank
     */
    public void decide(String quarantineId, Disposition disposition, String by, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            QuarantineStore.Case c = cases.lock(quarantineId).orElseThrow(() -> new UnknownCase(quarantineId));
            if (c.closed()) {
                throw new AlreadyDecided("quarantine " + quarantineId + " of unit " + c.mac() + " is already decided");
            }
            StoredUnit unit = devices.find(MacAddress.parse(c.mac())).orElseThrow(() -> new UnknownCase(quarantineId));
            Outcome outcome;
            try {
                outcome = lifecycle.release(unit.unit(), quarantineId, disposition, by, reason,
                        cases.nextAttempt(c.mac()));
            } catch (IllegalStateException e) {
                throw new AlreadyDecided(e.getMessage());
            }
            Instant now = clock.instant();
            cases.decide(quarantineId, disposition.name(), by, reason, now);
            writer.storeUnit(Optional.of(unit), outcome, now);
            writer.auditAndQueue("user:" + by, c.mac(), outcome, now);
            LOG.infof("unit %s: quarantine %s decided %s by %s", c.mac(), quarantineId, disposition, by);
        });
        relay.wake();
    }
}
