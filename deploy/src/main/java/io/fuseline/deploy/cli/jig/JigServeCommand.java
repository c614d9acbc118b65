package io.fuseline.deploy.cli.jig;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualJigServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jig serve}: starts virtual jigs and serves them until the process is stopped (Ctrl-C). Each accepted TCP
 * connection is one reset of the chip into ROM download mode; flash and eFuses persist for the life of the
 * process, and across runs with {@code --flash-file} / {@code --efuse-file}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve virtual jigs on TCP until Ctrl-C; prints one socket:// address per jig.",
            "",
            "Use with: esptool --port socket://HOST:PORT --before no_reset --no-stub chip_id",
            "          espefuse --port socket://HOST:PORT --before no_reset summary"
        })
public final class JigServeCommand implements Callable<Integer> {

    /** What runs while the jigs serve; the default waits until the process is interrupted. Tests replace it. */
    interface WhileServing {
        void serve(List<VirtualJigServer> jigs) throws InterruptedException;
    }

    static WhileServing whileServing = jigs -> new CountDownLatch(1).await();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--chip", required = true, paramLabel = "CHIP", description = "esp32, esp32s3 or esp32c3.",
            converter = ChipConverter.class)
    ChipFamily chip;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:0",
            description = "Address of the first jig (port 0: any free port). Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Number of jigs, on consecutive ports with consecutive MACs. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--mac", paramLabel = "MAC", description = "Factory MAC of the (first) jig, aa:bb:cc:dd:ee:ff.")
    String mac;

    @Option(names = "--efuse-file", paramLabel = "FILE", description = "Persist the eFuses in this espefuse virtual "
            + "eFuse file (created if missing; with --count, FILE-1, FILE-2, ...).")
    Path efuseFile;

    @Option(names = "--flash-file", paramLabel = "FILE", description = "Persist the flash in this file (created "
            + "erased if missing; with --count, FILE-1, FILE-2, ...).")
    Path flashFile;

    @Option(names = "--flash-size", paramLabel = "SIZE", defaultValue = "4MB", converter = ByteSizeConverter.class,
            description = "Flash size, a power of two from 256KB to 64MB. Default: ${DEFAULT-VALUE}.")
    int flashSize;

    @Option(names = "--baud-limit", paramLabel = "BAUD", description = "Pace each direction to min(BAUD, the "
            + "session's baud rate) / 10 bytes per second, like a UART.")
    Integer baudLimit;

    @Option(names = "--fault", paramLabel = "NAME", arity = "1..*", description = "Inject a fault: " + FaultSpec.HELP)
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 1..256, was " + count);
        }
        List<Fault> chipFaults = new ArrayList<>();
        try {
            faults.forEach(f -> FaultSpec.parse(f).ifPresent(chipFaults::add));
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean sameMac = faults.stream().anyMatch(f -> f.strip().equalsIgnoreCase(FaultSpec.DUPLICATE_MAC));
        JigConfig config = config(chipFaults);
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen must be HOST:PORT, was " + listen);
        }
        InetAddress host = InetAddress.getByName(listen.substring(0, colon).replace("[", "").replace("]", ""));
        int port = parsePort(listen.substring(colon + 1));
        PrintWriter out = spec.commandLine().getOut();
        try (JigFleet fleet = JigFleet.start(config, host, port, count, sameMac)) {
            Thread hook = new Thread(() -> closeQuietly(fleet), "jig-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            for (VirtualJigServer s : fleet.servers()) {
                out.printf("%s  %s  mac %s%n", s.address(), chip.toolName(), s.chip().config().mac());
            }
            out.println("Serving " + fleet.servers().size() + " virtual jig(s); Ctrl-C stops.");
            out.flush();
            try {
                whileServing.serve(fleet.servers());
            } finally {
                removeHook(hook);
            }
        }
        return 0;
    }

    private JigConfig config(List<Fault> chipFaults) {
        JigConfig c = JigConfig.defaults(chip).withFlashSize(flashSize).withFaults(chipFaults);
        if (mac != null) {
            c = c.withMac(MacAddress.parse(mac));
        }
        if (efuseFile != null) {
            c = c.withEfuseFile(efuseFile);
        }
        if (flashFile != null) {
            c = c.withFlashFile(flashFile);
        }
        if (baudLimit != null) {
            c = c.withBaudLimit(baudLimit);
        }
        return c;
    }

    private int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p + count - 1 > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen port must be 0..65535 (and leave "
                    + "room for --count), was " + text);
        }
    }

    private static void closeQuietly(JigFleet fleet) {
        try {
            fleet.close();
        } catch (Exception ignored) {
            // The process is going away; nothing useful to do with a close failure.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already running: it will close the fleet itself.
        }
    }

    /** {@code esp32}, {@code esp32s3}, {@code ESP32-S3}, ... */
    public static final class ChipConverter implements CommandLine.ITypeConverter<ChipFamily> {
        @Override
        public ChipFamily convert(String value) {
            Optional<ChipFamily> c = ChipFamily.fromName(value);
            return c.orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown chip '" + value + "' (expected esp32, esp32s3 or esp32c3)"));
        }
    }
}
