package io.fuseline.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./fuseline}: the one entry point for operators, engineers and CI. */
@Command(name = "fuseline",
        mixinStandardHelpOptions = true,
        versionProvider = FuselineVersion.class,
        description = {
            "Fuseline provisions ESP32, ESP32-S3 and ESP32-C3 units on a factory line: per-unit flash-encryption "
                    + "keys from an HSM, Secure Boot V2, eFuses burned and verified, and a hash-chained audit trail.",
            ""
        },
        subcommands = {
            DemoCommand.class,
            io.fuseline.deploy.cli.chip.ChipCommand.class,
            io.fuseline.deploy.cli.vault.VaultCommand.class,
            io.fuseline.deploy.cli.jig.JigCommand.class,
            io.fuseline.deploy.cli.station.StationCommand.class,
            BrokerCommand.class,
            DoctorCommand.class,
            io.fuseline.deploy.cli.audit.AuditCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Start here:   ./fuseline demo      run a whole local line on virtual jigs",
            "              ./fuseline test      run every test (what CI runs)",
            "Trouble?      ./fuseline doctor    says what is missing and how to install it",
            "Docs:         README.md and docs/"
        })
public final class FuselineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 a check or command failed, 2 usage). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FuselineCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // A user error is one line, never a stack trace.
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + UserErrors.describe(ex));
            return 1;
        });
        return cli.execute(args);
    }
}
