package io.fuseline.deploy.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./fuseline audit}: the audit trail off the line. {@code export} writes a time range of the hash-chained log
 * with its signed checkpoints (docs/audit-export.md); {@code verify} checks such a file offline with the
 * checkpoint key's public key.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Export the audit trail and verify an export offline.",
        subcommands = {AuditExportCommand.class, AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
