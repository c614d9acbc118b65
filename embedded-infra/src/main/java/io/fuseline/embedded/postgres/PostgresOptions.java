package io.fuseline.embedded.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start an embedded PostgreSQL server.
 *
 * @param port         TCP port on 127.0.0.1, 0 = pick a free one
 * @param dataDir      the cluster directory; {@code null} = a temporary directory deleted on close. An existing
 *                     cluster is reused as is (a local line keeps its registry across restarts)
 * @param database     the database created for the application (default {@code fuseline})
 * @param user         its owner, created as a login role (default {@code fuseline})
 * @param password     that role's password (default {@code fuseline}); see {@link EmbeddedPostgresDatabase} on
 *                     why it is not a secret
 * @param startupWait  how long to wait for the server to accept connections (default 60 s: 1–3 s idle)
 * @param serverConfig extra {@code postgresql.conf} settings, applied last
 */
public record PostgresOptions(int port, Path dataDir, String database, String user, String password,
                              Duration startupWait, Map<String, String> serverConfig) {
    /** Identifiers go into DDL; only plain lowercase names are accepted, so no quoting question arises. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresOptions {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(startupWait, "startupWait");
        serverConfig = Map.copyOf(serverConfig);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("postgres port " + port + " is not a TCP port");
        }
        requireIdentifier("database", database);
        requireIdentifier("user", user);
        if (user.equals("postgres")) {
            throw new IllegalArgumentException("user must not be the superuser 'postgres'");
        }
        if (password.indexOf('\'') >= 0 || password.isEmpty()) {
            throw new IllegalArgumentException("password must be non-empty and contain no single quote");
        }
    }

    public static PostgresOptions defaults() {
        return new PostgresOptions(0, null, "fuseline", "fuseline", "fuseline", Duration.ofSeconds(60), Map.of());
    }

    public PostgresOptions withPort(int newPort) {
        return new PostgresOptions(newPort, dataDir, database, user, password, startupWait, serverConfig);
    }

    public PostgresOptions withDataDir(Path dir) {
        return new PostgresOptions(port, dir, database, user, password, startupWait, serverConfig);
    }

    public PostgresOptions withDatabase(String name, String owner, String ownerPassword) {
        return new PostgresOptions(port, dataDir, name, owner, ownerPassword, startupWait, serverConfig);
    }

    public PostgresOptions withServerConfig(Map<String, String> extra) {
        return new PostgresOptions(port, dataDir, database, user, password, startupWait, extra);
    }

    private static void requireIdentifier(String what, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + IDENTIFIER.pattern());
        }
    }
}
