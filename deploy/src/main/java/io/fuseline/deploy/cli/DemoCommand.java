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
        out.println("The local line is not there yet. What exists today:");
        out.println("  ./fuseline broker    the embedded Kafka broker every local line runs on");
        out.println("  ./fuseline doctor    checks this machine for what a line and its tests need");
        out.println("  ./fuseline test      the whole test suite (what CI runs)");
        out.println();
        out.println("Still to come (docs/roadmap.md): chip tools, virtual jigs, station agent, vault, orchestrator,");
        out.println("and then this command, which will start them all and feed units through the jigs.");
        out.flush();
        return 3;
    }
}
