package io.fuseline.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresDatabaseIT {

    @Test
    void theApplicationRoleOwnsItsDatabaseAndJsonbAndTimestamptzWorkAndDataSurvivesARestart(@TempDir Path dir)
            throws Exception {
        PostgresOptions options = PostgresOptions.defaults().withDataDir(dir.resolve("pg"));
        try (EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start(options)) {
            assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/fuseline");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id bigint PRIMARY KEY, doc jsonb NOT NULL, at timestamptz NOT NULL)");
                s.execute("INSERT INTO t VALUES (1, '{\"a\": 1}', now())");
                assertThat(single(s, "SELECT current_user")).isEqualTo("fuseline");
                assertThat(Integer.parseInt(single(s, "SHOW server_version_num"))).isGreaterThanOrEqualTo(150000);
                // A line's registry: every commit reaches the disk before it is acknowledged.
                assertThat(single(s, "SHOW fsync")).isEqualTo("on");
                assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
                assertThat(single(s, "SELECT datcollate FROM pg_database WHERE datname = current_database()"))
                        .isEqualTo("C");
                // Byte order for comparisons, UTF-8 character classes for case (a C ctype would leave 'ä' as is).
                assertThat(single(s, "SELECT string_agg(x, ',' ORDER BY x) FROM unnest(ARRAY['b', 'B', 'a']) x"))
                        .isEqualTo("B,a,b");
                assertThat(single(s, "SELECT upper('äbc')")).isEqualTo("ÄBC");
            }
        }
        try (EmbeddedPostgresDatabase again = EmbeddedPostgresDatabase.start(options);
             Connection c = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT doc->>'a' FROM t WHERE id = 1")).isEqualTo("1");
        }
    }

    @Test
    void aThrowAwayServerDeletesItsDataOnClose() throws Exception {
        Path dataDir;
        try (EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start()) {
            dataDir = db.dataDir();
            assertThat(dataDir.resolve("PG_VERSION")).exists();
            assertThat(db.startupTime()).isPositive();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                // zonky's test settings are kept for a server whose data is deleted anyway.
                assertThat(single(s, "SHOW fsync")).isEqualTo("off");
            }
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    @Test
    void optionsRefuseNamesThatWouldNeedQuotingInDdl() {
        assertThatThrownBy(() -> PostgresOptions.defaults().withDatabase("fuse-line", "x", "y"))
                .hasMessageContaining("database 'fuse-line'");
        assertThatThrownBy(() -> PostgresOptions.defaults().withDatabase("db", "postgres", "y"))
                .hasMessageContaining("superuser");
        assertThatThrownBy(() -> PostgresOptions.defaults().withDatabase("db", "u", "it's"))
                .hasMessageContaining("single quote");
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
