package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.secureboot.JcaSigner;
import io.fuseline.esp.secureboot.SignedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sign-data --version 2}: pads the image to 4 KB and appends the signature sector. Signatures are randomized
 * (PSS salt, ECDSA nonce), so the output differs run to run; it verifies with espsecure.
 */
@Command(name = "sign-data", mixinStandardHelpOptions = true,
        description = "Sign an image for Secure Boot V2 with up to 3 PEM keys, like espsecure sign-data --version 2.")
final class SignDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, paramLabel = "2", description = "Secure Boot version; only 2.")
    int version;

    @Option(names = "--keyfile", required = true, paramLabel = "PEM",
            description = "Private key PEM; repeat for up to 3 signatures.")
    List<Path> keyFiles = new ArrayList<>();

    @Option(names = "--append-signatures", description = "Add the signatures to an already signed image.")
    boolean append;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "The signed image.")
    Path output;

    @Parameters(index = "0", paramLabel = "IN", description = "The image to sign.")
    Path input;

    @Override
    public Integer call() throws Exception {
        if (version != 2) {
            throw new IllegalArgumentException("only --version 2 (Secure Boot V2) is supported");
        }
        List<JcaSigner> signers = new ArrayList<>();
        for (Path key : keyFiles) {
            signers.add(JcaSigner.fromPem(Files.readString(key, StandardCharsets.US_ASCII)));
        }
        byte[] image = Files.readAllBytes(input);
        byte[] signed = append ? SignedImage.appendSignatures(image, signers) : SignedImage.sign(image, signers);
        Files.write(output, signed);
        spec.commandLine().getOut().printf("Signed %s with %d key(s) into %s (%d bytes)%n", input, signers.size(),
                output, signed.length);
        return 0;
    }
}
