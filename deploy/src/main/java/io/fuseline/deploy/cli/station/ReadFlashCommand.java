package io.fuseline.deploy.cli.station;

import io.fuseline.station.ops.RomLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station read-flash ADDR SIZE OUT}: reads flash 64 bytes per ROM command (slow at 115200 baud). */
@Command(name = "read-flash", mixinStandardHelpOptions = true,
        description = "Read SIZE bytes of flash at ADDR into OUT (what is on the chip: ciphertext if encrypted).")
final class ReadFlashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Parameters(index = "0", paramLabel = "ADDR", converter = NumberConverter.class, description = "Flash offset.")
    int address;

    @Parameters(index = "1", paramLabel = "SIZE", converter = NumberConverter.class, description = "Bytes to read.")
    int size;

    @Parameters(index = "2", paramLabel = "OUT", description = "Output file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        try (RomLoader loader = port.connect()) {
            byte[] data = loader.readFlash(address, size, new Progress(w, "Reading", Terminal.interactive()));
            Files.write(out, data);
            w.printf("Read %d bytes at 0x%08x from %s into %s%n", data.length, address, loader.readMac(), out);
        }
        return 0;
    }
}
