package io.fuseline.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.orchestrator.audit.export.AuditExporter;
import io.fuseline.orchestrator.audit.export.ExportReport;
import io.fuseline.orchestrator.audit.export.ExportVerifier;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a security officer makes after a run, from the outside: the audit chain exported and verified offline
 * against the vault's audit public key as the key ceremony exported it (waiting briefly for a checkpoint that covers
 * the head), and key custody from
 * both sides — every per-device key the orchestrator saw issued has a destroy or escrow order, and every device key
 * the vault's own ledger generated was destroyed or escrowed — and no key check value issued twice.
 */
final class LineChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEVICE_ROLES = Set.of("DEVICE_FLASH_ENCRYPTION", "DEVICE_HMAC",
            "DEVICE_NVS_ENCRYPTION", "DEVICE_IDENTITY");
    private static final Set<String> CLOSING = Set.of("key.destroyed", "key.escrowed");

    /**
     * The audit chain's verification: the export's report, the id of the key it was verified with ({@code Pem.keyId}),
     * and whether its whole length is signed by that key.
     */
    record AuditCheck(ExportReport report, String keyId) {
        boolean verified() {
            return report.ok() && report.checkpoints() > 0 && report.unsignedTail() == 0;
        }
    }

    /**
     * Key custody: keys the orchestrator registered, how many were burned, how many have a destroy/escrow order,
     * those without one, check values seen twice; and from the vault's ledger: device keys generated, those it has not
     * destroyed or escrowed.
     */
    record CustodyCheck(int issued, int burned, int disposed, List<String> withoutDisposition, List<String> kcvTwice,
                        int vaultGenerated, List<String> vaultOpen) {
        boolean complete() {
            return issued > 0 && withoutDisposition.isEmpty() && kcvTwice.isEmpty() && vaultOpen.isEmpty();
        }
    }

    private LineChecks() {
    }

    /**
     * Exports the chain and verifies it with {@code publicKeyPem}; retries for up to {@code wait} until a checkpoint
     * covers the head.
     */
    static AuditCheck audit(String jdbcUrl, String user, String password, String publicKeyPem, Duration wait)
            throws SQLException, InterruptedException {
        PublicKey key = Pem.readPublicKey(publicKeyPem);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            StringWriter out = new StringWriter();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                new AuditExporter(Clock.systemUTC()).export(c, null, null, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ExportReport report = new ExportVerifier().verify(out.toString().lines().toList(), key);
            AuditCheck check = new AuditCheck(report, Pem.keyId(key));
            if (check.verified() || !report.ok() || System.nanoTime() > deadline) {
                return check;
            }
            Thread.sleep(500);
        }
    }

    /** Custody from the registry and the vault's ledger; waits up to {@code wait} for the last orders to land. */
    static CustodyCheck custody(String jdbcUrl, String user, String password, Path vaultLedger, Duration wait)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            CustodyCheck c = custodyOnce(jdbcUrl, user, password, vaultLedger);
            if (c.complete() || System.nanoTime() > deadline) {
                return c;
            }
            Thread.sleep(500);
        }
    }

    private static CustodyCheck custodyOnce(String jdbcUrl, String user, String password, Path vaultLedger)
            throws SQLException {
        int issued;
        int burned;
        int disposed;
        List<String> open = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(burned_at), count(disposition) FROM custody")) {
                rs.next();
                issued = rs.getInt(1);
                burned = rs.getInt(2);
                disposed = rs.getInt(3);
            }
            try (ResultSet rs = s.executeQuery("SELECT key_id, mac FROM custody WHERE disposition IS NULL "
                    + "ORDER BY key_id")) {
                while (rs.next()) {
                    open.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT kcv FROM custody GROUP BY kcv HAVING count(*) > 1")) {
                while (rs.next()) {
                    twice.add(rs.getString(1));
                }
            }
        }
        Map<String, String> lastAction = new LinkedHashMap<>();
        try {
            if (Files.exists(vaultLedger)) {
                for (String line : Files.readAllLines(vaultLedger, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode r = JSON.readTree(line);
                    JsonNode payload = r.path("payload");
                    if (DEVICE_ROLES.contains(payload.path("role").asText())) {
                        lastAction.put(payload.path("keyLabel").asText(), r.path("action").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vault's custody ledger " + vaultLedger, e);
        }
        List<String> vaultOpen = lastAction.entrySet().stream().filter(e -> !CLOSING.contains(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return new CustodyCheck(issued, burned, disposed, open, twice, lastAction.size(), vaultOpen);
    }
}
