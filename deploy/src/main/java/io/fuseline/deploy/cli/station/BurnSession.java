package io.fuseline.deploy.cli.station;

import io.fuseline.esp.efuse.BurnPlan;
import io.fuseline.esp.efuse.BurnPlanner;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.station.ops.EfuseBurnSettings;
import io.fuseline.station.ops.EfuseBurner;
import io.fuseline.station.ops.RomLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What both burn commands do: read the eFuses, plan (a refusal ends here, before any question), show the plan, ask
 * for the typed confirmation, then burn and verify every block.
 */
final class BurnSession {

    private BurnSession() {
    }

    /** Irreversible: burns {@code requests} into the chip behind {@code port} after confirmation. */
    static void burn(PortOptions port, PrintWriter out, List<BurnRequest> requests, String description, boolean yes)
            throws Exception {
        try (RomLoader loader = port.connect()) {
            EfuseRegisters current = loader.readEfuses();
            BurnPlan plan = BurnPlanner.plan(current, requests);
            String mac = loader.readMac().toString();
            if (plan.isEmpty()) {
                out.println("Nothing to burn on " + mac + ": " + description + " is already in place.");
                return;
            }
            String blocks = plan.programs().stream().map(p -> plan.chip().block(p.blockIndex()).name())
                    .collect(Collectors.joining(", "));
            Confirmation.require(out, String.format("About to burn %s on %s %s: programs %s.", description,
                    loader.target().family().displayName(), mac, blocks), yes);
            EfuseBurner.Result r = new EfuseBurner(loader, EfuseBurnSettings.defaults()).execute(plan, current);
            for (EfuseBurner.BlockResult b : r.blocks()) {
                out.printf("Burned and verified %s (%d attempt%s)%n", b.block(), b.attempts(),
                        b.attempts() == 1 ? "" : "s");
            }
            out.println("Done: " + description + " on " + mac + ".");
        }
    }
}
