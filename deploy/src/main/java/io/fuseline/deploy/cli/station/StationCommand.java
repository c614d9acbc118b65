package io.fuseline.deploy.cli.station;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./fuseline station}: the station's loader client by hand, one chip at a time. PORT is a device path, a USB
 * identity ({@code usb:VID:PID[:SERIAL]}, {@code usb-path:LOCATION}) or {@code socket://HOST:PORT}.
 */
@Command(name = "station", mixinStandardHelpOptions = true,
        description = {
            "Talk to one chip in ROM download mode: identify it, read its eFuses, write and read flash, burn eFuses.",
            "",
            "PORT is a device path (/dev/ttyUSB0), a USB identity (usb:10c4:ea60[:SERIAL], usb-path:1-1.2) or "
                    + "socket://HOST:PORT (a virtual jig or a network serial server)."
        },
        subcommands = {
            PortsCommand.class,
            IdentifyCommand.class,
            EfuseSummaryCommand.class,
            WriteFlashCommand.class,
            ReadFlashCommand.class,
            BurnKeyCommand.class,
            BurnEfuseCommand.class
        })
public final class StationCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
