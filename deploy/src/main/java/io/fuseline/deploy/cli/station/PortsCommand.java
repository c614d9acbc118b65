package io.fuseline.deploy.cli.station;

import io.fuseline.station.jig.PortDiscovery;
import io.fuseline.station.jig.PortInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station ports}: the serial ports the OS lists, with the USB identities a --port can name. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List serial ports with their USB identities (usb:VID:PID:SERIAL, usb-path:LOCATION).")
final class PortsCommand implements Callable<Integer> {

    /** Where ports come from; tests replace it. */
    static Supplier<PortDiscovery> discovery = PortDiscovery::new;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = discovery.get().list();
        if (ports.isEmpty()) {
            out.println("No serial ports found (ptys are not listed; open one by its path).");
        }
        ports.forEach(p -> out.println(p.describe()));
        return 0;
    }
}
