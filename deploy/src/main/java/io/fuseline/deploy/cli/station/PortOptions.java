package io.fuseline.deploy.cli.station;

import io.fuseline.station.jig.PortAddress;
import io.fuseline.station.jig.PortDiscovery;
import io.fuseline.station.jig.ResetStrategy;
import io.fuseline.station.jig.Transport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --port} and how to reach the chip behind it: open the transport, reset into download mode where the port
 * has modem lines (a TCP port has none: the jig is already there), sync and detect.
 */
final class PortOptions {

    @Option(names = {"-p", "--port"}, required = true, paramLabel = "PORT", converter = PortConverter.class,
            description = "Device path, usb:VID:PID[:SERIAL], usb-path:LOCATION or socket://HOST:PORT.")
    PortAddress port;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "TCP connect timeout in seconds. Default: ${DEFAULT-VALUE}.")
    int connectTimeoutSeconds;

    /**
     * Opens the port and connects to the ROM loader; the caller closes the loader (which closes the port).
     *
     * @throws Exception a one-line reason: no such port, no SYNC answer, not a supported chip
     */
    RomLoader connect() throws Exception {
        Transport t = new PortDiscovery().open(port, RomLoader.ROM_BAUD, Duration.ofSeconds(connectTimeoutSeconds));
        RomLoader loader = new RomLoader(t, LoaderSettings.defaults());
        try {
            List<ResetStrategy> resets = port instanceof PortAddress.Socket
                    ? List.of(new ResetStrategy.NoReset())
                    : List.of(ResetStrategy.UnixTightReset.DEFAULT, ResetStrategy.ClassicReset.DEFAULT);
            loader.connect(resets);
            return loader;
        } catch (Exception e) {
            loader.close();
            throw e;
        }
    }

    /** Parses a port address; a bad one is a usage error (exit 2). */
    static final class PortConverter implements CommandLine.ITypeConverter<PortAddress> {
        @Override
        public PortAddress convert(String value) {
            try {
                return PortAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
