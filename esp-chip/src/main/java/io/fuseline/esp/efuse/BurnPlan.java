package io.fuseline.esp.efuse;

import java.util.List;

/**
 * The exact, ordered program operations of one irreversible burn (one espefuse {@code burn_all}): blocks from
 * the highest index down to BLOCK0, so that protection bits in BLOCK0 land last; with
 * {@link BurnOptions#postponeSecurityFields()} a second BLOCK0 program carries the postponed fields. Executing
 * it is irreversible; an empty plan means everything requested is already burned.
 */
public record BurnPlan(EfuseChip chip, List<BlockProgram> programs) {
    public BurnPlan {
        programs = List.copyOf(programs);
    }

    public boolean isEmpty() { return programs.isEmpty(); }
}
