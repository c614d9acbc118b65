package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.flash.FlashEncryption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code encrypt-flash-data} and {@code decrypt-flash-data} share, as espsecure spells them. */
final class FlashCryptOptions {
    /** The ESP32's flash address space: the tweak only sees address bits 5..23. */
    private static final long ESP32_ADDRESS_SPACE = 1L << 24;

    @Option(names = "--keyfile", required = true, paramLabel = "KEY",
            description = "Key file in espsecure order: ESP32 24 or 32 bytes; with --aes-xts 16, 32 or 64 bytes.")
    Path keyFile;

    @Option(names = "--address", required = true, paramLabel = "ADDR", converter = NumberConverter.class,
            description = "Flash address the data lives at (multiple of 16), e.g. 0x10000.")
    long address;

    @Option(names = "--flash-crypt-conf", paramLabel = "CONF", converter = NumberConverter.class,
            defaultValue = "0xF",
            description = "ESP32 FLASH_CRYPT_CONFIG eFuse value 0x0-0xF (default: ${DEFAULT-VALUE}, what ESP-IDF burns).")
    long flashCryptConf;

    @Option(names = "--aes-xts", description = "XTS-AES (ESP32-S2/S3/C3 and newer) instead of the ESP32 scheme.")
    boolean aesXts;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "Where to write the result.")
    Path output;

    @Parameters(index = "0", paramLabel = "IN", description = "The input file.")
    Path input;

    /**
     * Opens the transform espsecure would use. Above 16 MB the ESP32 scheme reproduces espsecure's bytes, which a
     * real ESP32 (24-bit flash addresses) would never produce; a warning says so.
     */
    FlashEncryption open(long length, PrintWriter err) throws IOException {
        byte[] key = Files.readAllBytes(keyFile);
        try {
            if (aesXts) {
                return key.length == 16 ? FlashEncryption.xtsDerivedFrom128(key) : FlashEncryption.xts(key);
            }
            if (flashCryptConf < 0 || flashCryptConf > 0xF) {
                throw new IllegalArgumentException("--flash-crypt-conf must be 0x0..0xF, got 0x"
                        + Long.toHexString(flashCryptConf));
            }
            if (address + length > ESP32_ADDRESS_SPACE) {
                err.println("warning: the range reaches past 16 MB, beyond the ESP32's flash address space; "
                        + "the output reproduces espsecure, not a chip");
            }
            return FlashEncryption.esp32EspsecureCompatible(key, (int) flashCryptConf);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    byte[] readInput() throws IOException {
        byte[] data = Files.readAllBytes(input);
        if (data.length % 16 != 0) {
            // espsecure pads a partial block with random bytes; a factory tool must be deterministic.
            throw new IllegalArgumentException(input + " is " + data.length
                    + " bytes, not a multiple of 16: pad the image (esptool images already are)");
        }
        return data;
    }
}
