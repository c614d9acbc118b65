package io.fuseline.deploy.cli.chip;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./fuseline chip}: esp-chip on the command line. Names and options follow espsecure / esptool v5 (dashes) so
 * that people who know those tools feel at home, and the output files are byte-identical to theirs.
 */
@Command(name = "chip", mixinStandardHelpOptions = true,
        description = {
            "Chip tools that produce exactly what Espressif's espsecure and esptool produce.",
            "",
            "Key files are in espsecure order (the eFuse holds them byte-reversed)."
        },
        subcommands = {
            EncryptFlashDataCommand.class,
            DecryptFlashDataCommand.class,
            DigestSbv2PublicKeyCommand.class,
            SignDataCommand.class,
            ImageInfoCommand.class,
            EfusePlanCommand.class,
            NvsCommand.class,
            VerifySignatureCommand.class
        })
public final class ChipCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
