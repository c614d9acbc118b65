package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.secureboot.Pem;
import io.fuseline.esp.secureboot.PublicKeyDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digest-sbv2-public-key}: the 32 bytes that go into the Secure Boot digest eFuse. */
@Command(name = "digest-sbv2-public-key", mixinStandardHelpOptions = true,
        description = "Write the Secure Boot V2 public-key digest (the value burned into eFuse) of a PEM key.")
final class DigestSbv2PublicKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keyfile", required = true, paramLabel = "PEM",
            description = "RSA-3072 or ECDSA key, private or public, PEM.")
    Path keyFile;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "Where to write the 32 bytes.")
    Path output;

    @Override
    public Integer call() throws Exception {
        byte[] digest = PublicKeyDigest.of(Pem.readPublicKey(Files.readString(keyFile, StandardCharsets.US_ASCII)));
        Files.write(output, digest);
        spec.commandLine().getOut().printf("Public key digest %s written to %s%n", HexFormat.of().formatHex(digest),
                output);
        return 0;
    }
}
