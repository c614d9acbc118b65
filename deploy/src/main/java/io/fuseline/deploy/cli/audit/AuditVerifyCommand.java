package io.fuseline.deploy.cli.audit;

import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.orchestrator.audit.export.ExportReport;
import io.fuseline.orchestrator.audit.export.ExportVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit verify}: exit 0 when an export verifies, 1 naming the first record at fault otherwise. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an audit export offline: the hash chain record by record and every signed checkpoint.",
            "An altered, deleted or moved record is reported at that record."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export (./fuseline audit export).")
    Path file;

    @Option(names = "--public-key", required = true, paramLabel = "PEM",
            description = "The audit checkpoint key's public key: the vault's, as ./fuseline vault create-audit-key "
                    + "wrote it (GET /api/audit/checkpoints/public-key serves the one the orchestrator verifies with).")
    Path publicKey;

    @Option(names = "--require-signed",
            description = "Fail when records follow the last checkpoint (chained but not yet signed).")
    boolean requireSigned;

    @Override
    public Integer call() throws Exception {
        ExportReport report = new ExportVerifier().verify(Files.readAllLines(file, StandardCharsets.UTF_8),
                Pem.readPublicKey(Files.readString(publicKey, StandardCharsets.US_ASCII)));
        if (!report.ok()) {
            spec.commandLine().getErr().println("fuseline audit verify: " + file + ": " + report);
            return 1;
        }
        spec.commandLine().getOut().println(report);
        if (requireSigned && report.unsignedTail() > 0) {
            spec.commandLine().getErr().println("fuseline audit verify: " + file + ": " + report.unsignedTail()
                    + " records are not covered by a signed checkpoint (--require-signed)");
            return 1;
        }
        return 0;
    }
}
