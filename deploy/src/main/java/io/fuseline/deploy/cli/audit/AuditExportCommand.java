package io.fuseline.deploy.cli.audit;

import io.fuseline.orchestrator.audit.export.AuditExporter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit export}: records of [from, to) with their checkpoints, one JSON object per line, to stdout or a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the audit records of a time range, with the signed checkpoints over them, as JSON lines "
                + "(docs/audit-export.md). Reads the orchestrator's PostgreSQL directly.",
            "Example: ./fuseline audit export --from 2026-11-21T00:00:00Z --to 2026-11-22T00:00:00Z > day.jsonl"})
final class AuditExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "TIME", description = "First time included (RFC 3339 UTC); default: the start.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "First time excluded (RFC 3339 UTC); default: now.")
    Instant to;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:FUSELINE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/fuseline}",
            description = "The orchestrator's database (default \\$FUSELINE_DB_URL or ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:FUSELINE_DB_USER:-fuseline}",
            description = "Database user (default \\$FUSELINE_DB_USER or ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the database password (first line); default \\$FUSELINE_DB_PASSWORD.")
    Path passwordFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        AuditExporter.Summary summary;
        try (Connection c = connect(); Writer out = writer()) {
            summary = new AuditExporter(Clock.systemUTC()).export(c, from, to, out);
        }
        spec.commandLine().getErr().printf("exported %d records (%s), %d signed checkpoints%n", summary.records(),
                summary.records() == 0 ? "none in the range" : summary.firstSequence() + ".." + summary.lastSequence(),
                summary.checkpoints());
        return 0;
    }

    private Connection connect() throws Exception {
        String password = passwordFile != null ? Files.readAllLines(passwordFile).stream().findFirst().orElse("")
                : System.getenv().getOrDefault("FUSELINE_DB_PASSWORD", "");
        try {
            return DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl + " as " + user + ": " + e.getMessage(), e);
        }
    }

    private Writer writer() throws Exception {
        if (output != null) {
            return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        }
        // Not closed with the try: stdout stays open for picocli; flushed by the exporter.
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }
}
