package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.secureboot.Pem;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.esp.secureboot.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-signature --version 2}: exit 0 when a signature block verifies with the key, 1 otherwise. */
@Command(name = "verify-signature", mixinStandardHelpOptions = true,
        description = "Verify a Secure Boot V2 signed image with a PEM key, like espsecure verify-signature --version 2.")
final class VerifySignatureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, paramLabel = "2", description = "Secure Boot version; only 2.")
    int version;

    @Option(names = "--keyfile", required = true, paramLabel = "PEM", description = "Public or private key PEM.")
    Path keyFile;

    @Parameters(index = "0", paramLabel = "IN", description = "The signed image.")
    Path input;

    @Override
    public Integer call() throws Exception {
        if (version != 2) {
            throw new IllegalArgumentException("only --version 2 (Secure Boot V2) is supported");
        }
        Verification v = SignedImage.verify(Files.readAllBytes(input),
                Pem.readPublicKey(Files.readString(keyFile, StandardCharsets.US_ASCII)));
        if (v instanceof Verification.Verified ok) {
            spec.commandLine().getOut().printf("Signature block %d verification successful using the supplied key.%n",
                    ok.block());
            return 0;
        }
        String reason = v instanceof Verification.ImageDigestMismatch m
                ? "signature block " + m.block() + " image digest does not match: the image was altered"
                : ((Verification.NotVerified) v).reason();
        spec.commandLine().getErr().println("fuseline chip verify-signature: " + input + ": " + reason);
        return 1;
    }
}
