package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.audit.export.AuditExporter;
import io.fuseline.orchestrator.query.AuditQueries;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.AuditSearch;
import io.fuseline.orchestrator.query.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Exports the audit page's selection as a chain file, in the format {@code ./fuseline audit verify} checks
 * (docs/audit-export.md). A chain file must be a gap-free stretch of the chain to verify, so a selection narrower
 * than a time range exports the stretch from its first to its last matching record: every selected record is in
 * it, with the records between them that the chain needs.
 */
@ApplicationScoped
class AuditExports {
    /** The time range of an export; either end may be open (null). */
    record Range(Instant from, Instant to) {
    }

    private final AuditQueries audit;
    private final DataSource dataSource;
    private final Clock clock;

    AuditExports(AuditQueries audit, DataSource dataSource, Clock clock) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The range to export for {@code form}: its own time range, or the span of its matching records. */
    Range range(AuditForm form) {
        AuditSearch first = form.atPage(0).search(1);
        if (form.onlyTimeRange()) {
            return new Range(first.from(), first.to());
        }
        Page<AuditRecordView> head = audit.search(first);
        if (head.total() == 0) {
            Instant nowhere = clock.instant();
            return new Range(nowhere, nowhere);
        }
        AuditRecordView last = audit.search(form.atPage(Math.toIntExact(head.total() - 1)).search(1)).items().get(0);
        // Times are at microsecond precision: the last matching record's time plus one microsecond includes it.
        return new Range(head.items().get(0).time(), last.time().plus(1, ChronoUnit.MICROS));
    }

    /** Writes the export of {@code range} to {@code out} (UTF-8 JSON lines); does not close it. */
    AuditExporter.Summary write(Range range, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AuditExporter.Summary summary = new AuditExporter(clock).export(c, range.from(), range.to(), writer);
            writer.flush();
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("audit export " + range + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("audit export " + range + ": writing to the browser failed", e);
        }
    }
}
