package io.fuseline.station.sim;

import io.fuseline.station.ops.LoaderTarget;
import java.io.IOException;

/**
 * The state of one simulated chip that survives resets and connections: flash, eFuses, the fault counters.
 * Each connection gets a fresh {@link RomSession} on it, as a real chip gets a fresh ROM after a reset.
 *
 * <p>Thread-safe for one session at a time plus concurrent inspection (flash and eFuse are synchronized).
 */
public final class VirtualChip {

    private final JigConfig config;
    private final LoaderTarget target;
    private final SpiFlash flash;
    private final EfuseController efuse;
    private final FaultPlan faults;

    public VirtualChip(JigConfig config) throws IOException {
        this(config, EfuseController.forChip(LoaderTarget.of(config.chip()).efuse()));
    }

    /** With an eFuse controller from elsewhere (esp-chip's model, a pre-burned image); burns the factory fuses. */
    public VirtualChip(JigConfig config, EfuseController efuse) throws IOException {
        this.config = config;
        this.target = LoaderTarget.of(config.chip());
        this.flash = config.flashFile().isPresent()
                ? SpiFlash.persistent(config.flashSize(), config.flashFile().get())
                : SpiFlash.erased(config.flashSize());
        this.efuse = efuse;
        this.faults = new FaultPlan(config.faults());
        FactoryFuses.burn(efuse, config.chip(), config.mac(), config.revision());
        if (faults.preBurnedSecurity()) {
            FactoryFuses.burnSecurity(efuse, config.chip());
        }
        efuse.setBurnsStick(faults.burnsStick());
    }

    /** A ROM just out of reset, in download mode at 115200 baud. */
    public RomSession newSession() {
        return new RomSession(this);
    }

    public JigConfig config() { return config; }

    public LoaderTarget target() { return target; }

    public SpiFlash flash() { return flash; }

    public EfuseController efuse() { return efuse; }

    FaultPlan faults() { return faults; }
}
