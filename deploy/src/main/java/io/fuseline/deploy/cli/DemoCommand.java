package io.fuseline.deploy.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./fuseline demo}: will run a whole local line. Until the services exist it says plainly what does and
 * does not exist yet, and exits non-zero so no script mistakes it for a line that ran.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run a whole local provisioning line on virtual jigs (not complete yet).")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("The local line is not there yet: its pieces exist and are tested one by one.");
        out.println("What you can run today:");
        out.println("  ./fuseline jig serve --chip esp32s3 --listen 127.0.0.1:4001   virtual units in download mode");
        out.println("  ./fuseline station identify --port socket://127.0.0.1:4001   talk to a unit");
        out.println("  ./fuseline chip ...      espsecure/esptool/espefuse-compatible chip tools");
        out.println("  ./fuseline vault ...     the key ceremony (signing key, factory CA, stations)");
        out.println("  ./fuseline audit ...     export and verify the audit chain offline");
        out.println("  ./fuseline broker        the embedded Kafka broker every local line runs on");
        out.println("  ./fuseline doctor        checks this machine for what a line and its tests need");
        out.println("  ./fuseline test          the whole test suite (what CI runs)");
        out.println();
        out.println("Still to come (docs/roadmap.md): this command starting broker, database, vault, orchestrator,");
        out.println("station agent and virtual jigs together and feeding units through them.");
        out.flush();
        return 3;
    }
}
