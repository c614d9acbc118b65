package io.fuseline.deploy.cli.jig;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./fuseline jig}: virtual jigs, simulated chips in ROM download mode that Espressif's tools accept. */
@Command(name = "jig", mixinStandardHelpOptions = true,
        description = {
            "Virtual jigs: a simulated ESP32, ESP32-S3 or ESP32-C3 in ROM download mode on a TCP port.",
            "",
            "esptool and espefuse reach one with --port socket://HOST:PORT --before no_reset (esptool also --no-stub)."
        },
        subcommands = {JigServeCommand.class})
public final class JigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
