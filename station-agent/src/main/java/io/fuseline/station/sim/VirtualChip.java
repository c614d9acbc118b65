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

    /**
     * A chip as {@code config} describes it: eFuses from the eFuse file when it exists, else a fresh chip with the
     * factory fuses (MAC, revision) and, with {@link Fault.PreBurnedSecurity}, security fuses burned.
     */
    public VirtualChip(JigConfig config) throws IOException {
        this(config, config.efuseFile().isPresent()
                ? EfuseController.persistent(LoaderTarget.of(config.chip()).efuse(), config.efuseFile().get(),
                        c -> burnFresh(c, config))
                : fresh(config));
    }

    /** With an eFuse controller from elsewhere (a recorded register image); burns nothing into it. */
    public VirtualChip(JigConfig config, EfuseController efuse) throws IOException {
        this.config = config;
        this.target = LoaderTarget.of(config.chip());
        this.flash = config.flashFile().isPresent()
                ? SpiFlash.persistent(config.flashSize(), config.flashFile().get())
                : SpiFlash.erased(config.flashSize());
        this.efuse = efuse;
        this.faults = new FaultPlan(config.faults());
        efuse.setBurnsStick(faults.burnsStick());
    }

    private static EfuseController fresh(JigConfig config) {
        EfuseController c = EfuseController.blank(LoaderTarget.of(config.chip()).efuse());
        burnFresh(c, config);
        return c;
    }

    private static void burnFresh(EfuseController c, JigConfig config) {
        FactoryFuses.burn(c, config.chip(), config.mac(), config.revision());
        if (config.faults().stream().anyMatch(f -> f instanceof Fault.PreBurnedSecurity)) {
            FactoryFuses.burnSecurity(c, config.chip());
        }
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
