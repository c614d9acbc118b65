package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.flash.FlashEncryption;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code decrypt-flash-data}: the plaintext behind encrypted flash contents read from this address. */
@Command(name = "decrypt-flash-data", mixinStandardHelpOptions = true,
        description = "Encrypt a file as the chip's flash encryption would, like espsecure decrypt-flash-data.")
final class DecryptFlashDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FlashCryptOptions options;

    @Override
    public Integer call() throws Exception {
        byte[] data = options.readInput();
        try (FlashEncryption fe = options.open(data.length, spec.commandLine().getErr())) {
            fe.decrypt(options.address, data, 0, data.length, data, 0);
        }
        Files.write(options.output, data);
        spec.commandLine().getOut().printf("Decrypted %d bytes from address 0x%x into %s%n", data.length,
                options.address, options.output);
        return 0;
    }
}
