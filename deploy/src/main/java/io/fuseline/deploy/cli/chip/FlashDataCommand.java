package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.flash.FlashEncryption;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Reads the input, runs one direction of the flash transform in place, writes the output. */
abstract class FlashDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FlashCryptOptions options;

    /** Transforms {@code data} in place; it lives at {@code address} in flash. */
    abstract void transform(FlashEncryption fe, long address, byte[] data);

    /** "Encrypted" or "Decrypted", for the one line of output. */
    abstract String verb();

    @Override
    public Integer call() throws Exception {
        byte[] data = options.readInput();
        try (FlashEncryption fe = options.open(data.length, spec.commandLine().getErr())) {
            transform(fe, options.address, data);
        }
        Files.write(options.output, data);
        spec.commandLine().getOut().printf("%s %d bytes at address 0x%x into %s%n", verb(), data.length,
                options.address, options.output);
        return 0;
    }
}
