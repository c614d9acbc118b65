package io.fuseline.deploy.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fuseline.deploy.CliRun;
import io.fuseline.embedded.postgres.EmbeddedPostgresDatabase;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.CanonicalJson;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fuseline audit export} against a real PostgreSQL holding the orchestrator's audit tables (its own Flyway
 * scripts), then {@code audit verify} on the file: intact, and with one record altered, deleted or moved, each
 * reported at that record.
 */
class AuditCommandTest {
    private static final int RECORDS = 30;
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static EmbeddedPostgresDatabase db;
    private static KeyPair key;
    @TempDir
    static Path dir;
    private static Path publicKey;
    private static Path passwordFile;

    @BeforeAll
    static void aDatabaseWithASignedChain() throws Exception {
        db = EmbeddedPostgresDatabase.start();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        key = gen.generateKeyPair();
        publicKey = Files.writeString(dir.resolve("audit.pub.pem"), Pem.publicKey(key.getPublic()));
        passwordFile = Files.writeString(dir.resolve("db.password"), db.password() + "\n");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(migration("V2__audit_log.sql"));
            s.execute(migration("V4__audit_checkpoints.sql"));
            String previous = AuditHash.GENESIS;
            for (int i = 0; i < RECORDS; i++) {
                previous = append(c, i, previous);
                if (i == 9 || i == 19) {
                    checkpoint(c, i, previous);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anExportOfTheWholeChainVerifiesWithThePublicKey() throws Exception {
        Path file = export();
        assertThat(Files.readAllLines(file)).hasSize(1 + RECORDS + 2);
        CliRun verify = CliRun.of("audit", "verify", file.toString(), "--public-key", publicKey.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("verified: " + RECORDS + " records, 2 signed checkpoints")
                .contains("last 10 records");
        assertThat(CliRun.of("audit", "verify", file.toString(), "--public-key", publicKey.toString(),
                "--require-signed").code()).isEqualTo(1);
    }

    @Test
    void aTimeRangeExportsAGapFreeStretchToStdout() {
        CliRun run = CliRun.of("audit", "export", "--from", T0.plusSeconds(5).toString(), "--to",
                T0.plusSeconds(15).toString(), "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password-file",
                passwordFile.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("\"type\":\"record\""))).hasSize(10);
        assertThat(run.err()).contains("exported 10 records (5..14), 1 signed checkpoints");
    }

    @Test
    void anAlteredRecordIsReportedAtThatRecord() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        int at = lineOf(lines, 12);
        lines.set(at, lines.get(at).replace("\"orchestrator\"", "\"intruder\""));
        assertBrokenAt(lines, 12, "altered");
    }

    @Test
    void aDeletedRecordIsReportedAtThatRecord() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        lines.remove(lineOf(lines, 7));
        assertBrokenAt(lines, 7, "missing");
    }

    @Test
    void aReorderedRecordIsReportedAtThatRecord() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        Collections.swap(lines, lineOf(lines, 21), lineOf(lines, 22));
        assertBrokenAt(lines, 21, "out of order");
    }

    @Test
    void anUnreachableDatabaseIsOneLineNotAStackTrace() {
        CliRun run = CliRun.of("audit", "export", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/fuseline", "--user",
                db.user(), "--password-file", passwordFile.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to").doesNotContain("\tat ");
    }

    private static void assertBrokenAt(List<String> lines, long sequence, String why) throws Exception {
        Path tampered = Files.write(dir.resolve("tampered-" + sequence + ".jsonl"), lines);
        CliRun run = CliRun.of("audit", "verify", tampered.toString(), "--public-key", publicKey.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("broken at record " + sequence + " ").contains(why);
    }

    private static int lineOf(List<String> lines, long sequence) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"record\"") && lines.get(i).contains("\"sequence\":" + sequence + ",")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record " + sequence);
    }

    private static Path export() {
        Path file = dir.resolve("export-" + System.nanoTime() + ".jsonl");
        CliRun run = CliRun.of("audit", "export", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password-file",
                passwordFile.toString(), "-o", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return file;
    }

    private static String append(Connection c, long sequence, String previous) throws Exception {
        Instant time = T0.plusSeconds(sequence);
        var payload = JsonNodeFactory.instance.objectNode().put("to", "KEYED").put("n", sequence);
        String canonical = CanonicalJson.of(AuditHash.body(sequence, previous, "orchestrator", "unit.transition",
                "f4:12:fa:00:00:01", payload, time));
        String hash = AuditHash.sha256(canonical);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (sequence, previous_hash, record_hash, "
                + "actor, action, subject, payload, time, canonical_json) VALUES (?, ?, ?, 'orchestrator', "
                + "'unit.transition', 'f4:12:fa:00:00:01', ?::jsonb, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setString(2, previous);
            ps.setString(3, hash);
            ps.setString(4, payload.toString());
            ps.setTimestamp(5, Timestamp.from(time));
            ps.setString(6, canonical);
            ps.executeUpdate();
        }
        return hash;
    }

    private static void checkpoint(Connection c, long sequence, String hash) throws Exception {
        Signature s = Signature.getInstance(CheckpointStatement.ALGORITHM);
        s.initSign(key.getPrivate());
        s.update(CheckpointStatement.bytes(sequence, hash));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoints (sequence, record_hash, key_id, "
                + "algorithm, signature, signed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setString(2, hash);
            ps.setString(3, Pem.keyId(key.getPublic()));
            ps.setString(4, CheckpointStatement.ALGORITHM);
            ps.setString(5, Base64.getEncoder().encodeToString(s.sign()));
            ps.setTimestamp(6, Timestamp.from(T0.plusSeconds(sequence)));
            ps.executeUpdate();
        }
    }

    private static String migration(String name) throws Exception {
        try (InputStream in = AuditCommandTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
