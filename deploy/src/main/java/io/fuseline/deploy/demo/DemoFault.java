package io.fuseline.deploy.demo;

import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.sim.Fault;
import java.util.List;
import java.util.Optional;

/**
 * What can be wrong with a demo unit, and what the line must make of it. The faults are the virtual jig's; a
 * duplicate MAC is a second unit that claims the MAC of one already provisioned.
 */
public enum DemoFault {
    /** A healthy unit. */
    NONE("healthy", Optional.empty()),
    /** The cable drops during the third flash write: the job fails transiently, the unit is retried. */
    FLAKY_CABLE("flaky cable", Optional.empty()),
    /** The unit arrives with flash encryption and Secure Boot already on: it is not touched. */
    PRE_BURNED("pre-burned fuses", Optional.of(QuarantineReason.SECURITY_FUSES_ALREADY_BURNED)),
    /** eFuse programming does nothing: the read-back after the first burn differs. */
    BURN_DOES_NOT_STICK("burn does not stick", Optional.of(QuarantineReason.VERIFICATION_MISMATCH)),
    /** The unit's MAC is one the registry already provisioned. */
    DUPLICATE_MAC("duplicate MAC", Optional.of(QuarantineReason.DUPLICATE_MAC));

    /** The order faults are handed out in, so that a few faults already show every kind. */
    static final List<DemoFault> ROTATION = List.of(FLAKY_CABLE, PRE_BURNED, BURN_DOES_NOT_STICK, DUPLICATE_MAC);

    private final String label;
    private final Optional<QuarantineReason> expectedQuarantine;

    DemoFault(String label, Optional<QuarantineReason> expectedQuarantine) {
        this.label = label;
        this.expectedQuarantine = expectedQuarantine;
    }

    public String label() { return label; }

    /** The quarantine reason the line must give such a unit; empty: it must be provisioned. */
    public Optional<QuarantineReason> expectedQuarantine() { return expectedQuarantine; }

    /** The virtual chip's faults that make it so. */
    List<Fault> chipFaults() {
        return switch (this) {
            case NONE, DUPLICATE_MAC -> List.of();
            case FLAKY_CABLE -> List.of(new Fault.DisconnectAt(Opcode.FLASH_DATA, 3));
            case PRE_BURNED -> List.of(new Fault.PreBurnedSecurity());
            case BURN_DOES_NOT_STICK -> List.of(new Fault.BurnDoesNotStick());
        };
    }
}
