package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.nvs.NvsCsv;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsEntrySpec;
import io.fuseline.esp.nvs.NvsFormat;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.esp.nvs.NvsPartitionGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nvs}: NVS partitions from ESP-IDF's CSV format, as its nvs_partition_gen does. */
@Command(name = "nvs", mixinStandardHelpOptions = true,
        description = "Generate, encrypt and decrypt NVS partitions like ESP-IDF's NVS partition generator.",
        subcommands = {NvsCommand.Generate.class, NvsCommand.Encrypt.class, NvsCommand.Decrypt.class})
final class NvsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What generate and encrypt share: the CSV, the output, the size and the format version. */
    static class PartitionArgs {
        @Parameters(index = "0", paramLabel = "CSV", description = "key,type,encoding,value rows; file paths are "
                + "relative to the CSV's folder.")
        Path csv;

        @Parameters(index = "1", paramLabel = "OUT", description = "Partition image to write.")
        Path output;

        @Parameters(index = "2", paramLabel = "SIZE", converter = NumberConverter.class,
                description = "Partition size in bytes, a multiple of 4096 and at least 0x3000.")
        long size;

        @Option(names = "--version", paramLabel = "1|2", defaultValue = "2",
                description = "NVS format: 2 = multi-page blobs (default), 1 = single-page blobs.")
        int version;

        List<NvsEntrySpec> rows() throws IOException {
            return NvsCsv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        }

        /** Resolves file rows against the CSV's folder, as the ESP-IDF tool does. */
        Function<String, byte[]> files() {
            Path base = csv.toAbsolutePath().getParent();
            return relative -> {
                try {
                    return Files.readAllBytes(base.resolve(relative));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }

        NvsFormat format() {
            return switch (version) {
                case 1 -> NvsFormat.V1;
                case 2 -> NvsFormat.V2;
                default -> throw new IllegalArgumentException("--version is 1 or 2, got " + version);
            };
        }

        int sizeInt() {
            if (size <= 0 || size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("partition size 0x" + Long.toHexString(size) + " is out of range");
            }
            return (int) size;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a plain NVS partition.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        PartitionArgs args;

        @Override
        public Integer call() throws Exception {
            byte[] image = NvsPartitionGenerator.generate(args.rows(), args.sizeInt(), args.format(), args.files());
            Files.write(args.output, image);
            spec.commandLine().getOut().printf("NVS partition (%d bytes) written to %s%n", image.length, args.output);
            return 0;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Write an XTS-AES-256 encrypted NVS partition with the keys of an nvs_keys partition.")
    static final class Encrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        PartitionArgs args;

        @Option(names = "--inputkey", required = true, paramLabel = "KEYS",
                description = "The nvs_keys partition (4096 bytes) holding the two XTS keys.")
        Path keys;

        @Override
        public Integer call() throws Exception {
            try (NvsKeys k = NvsKeys.fromPartition(Files.readAllBytes(keys))) {
                byte[] image = NvsPartitionGenerator.generateEncrypted(args.rows(), args.sizeInt(), args.format(),
                        args.files(), k);
                Files.write(args.output, image);
                spec.commandLine().getOut().printf("Encrypted NVS partition (%d bytes, keys %s) written to %s%n",
                        image.length, k.keyCheckValue(), args.output);
            }
            return 0;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt an encrypted NVS partition with its nvs_keys partition.")
    static final class Decrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN", description = "The encrypted partition.")
        Path input;

        @Parameters(index = "1", paramLabel = "KEYS", description = "The nvs_keys partition.")
        Path keys;

        @Parameters(index = "2", paramLabel = "OUT", description = "Where to write the plain partition.")
        Path output;

        @Override
        public Integer call() throws Exception {
            try (NvsKeys k = NvsKeys.fromPartition(Files.readAllBytes(keys))) {
                Files.write(output, NvsEncryption.decrypt(Files.readAllBytes(input), k));
            }
            spec.commandLine().getOut().printf("Decrypted NVS partition written to %s%n", output);
            return 0;
        }
    }
}
