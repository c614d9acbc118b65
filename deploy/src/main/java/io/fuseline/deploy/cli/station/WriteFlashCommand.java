package io.fuseline.deploy.cli.station;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.station.ops.FlashId;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.FlashWriteResult;
import io.fuseline.station.ops.RomLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station write-flash ADDR FILE}: writes and then verifies with the chip's MD5. With {@code --encrypt-with}
 * the station encrypts the data itself (esp-chip's FlashEncryption for the detected chip, as espsecure
 * encrypt_flash_data) and writes the ciphertext, which the MD5 then checks.
 */
@Command(name = "write-flash", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write FILE to flash at ADDR (compressed unless --no-compress) and verify it by MD5.")
final class WriteFlashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Parameters(index = "0", paramLabel = "ADDR", converter = NumberConverter.class, description = "Flash offset.")
    int address;

    @Parameters(index = "1", paramLabel = "FILE", description = "Data to write.")
    Path file;

    @Option(names = "--encrypt-with", paramLabel = "KEYFILE", description = "Encrypt with this flash-encryption key "
            + "(espsecure key-file order) for the detected chip before writing.")
    Path keyFile;

    @Option(names = "--no-compress", description = "Send plain blocks instead of a zlib stream.")
    boolean noCompress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] data = Files.readAllBytes(file);
        if (data.length == 0) {
            throw new IllegalArgumentException(file + " is empty: nothing to write");
        }
        byte[] keyBytes = keyFile == null ? null : Files.readAllBytes(keyFile);
        try (RomLoader loader = port.connect()) {
            FlashId id = loader.readFlashId();
            if (id.sizeBytes().isPresent()) {
                loader.spiSetParams((int) id.sizeBytes().getAsLong());
            }
            byte[] payload = keyBytes == null ? data : encrypt(loader.target().family(), keyBytes, data);
            // Ciphertext does not compress: sending it deflated would only cost time.
            FlashWriteOptions options = noCompress || keyBytes != null ? FlashWriteOptions.PLAIN
                    : FlashWriteOptions.COMPRESSED;
            FlashWriteResult r = loader.writeFlash(address, payload, options,
                    new Progress(out, "Writing", Terminal.interactive()));
            loader.verifyFlash(address, payload);
            out.printf("Wrote %d bytes%s at 0x%08x to %s (%s), verified by MD5%n", payload.length,
                    keyBytes == null ? "" : " encrypted", address, loader.readMac(),
                    r.compressed() ? r.streamBytes() + " bytes compressed" : "plain");
        } finally {
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
        }
        return 0;
    }

    /** Pads to the 16-byte cipher block with 0xFF (erased flash) and encrypts for {@code address}. */
    private byte[] encrypt(ChipFamily chip, byte[] key, byte[] data) {
        int padded = (data.length + 15) / 16 * 16;
        byte[] plain = Arrays.copyOf(data, padded);
        Arrays.fill(plain, data.length, padded, (byte) 0xFF);
        try (FlashEncryption fe = FlashEncryption.forChip(chip, key)) {
            return fe.encrypt(address, plain);
        }
    }
}
