package io.fuseline.orchestrator.support;

import io.fuseline.embedded.postgres.EmbeddedPostgresDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a throw-away embedded PostgreSQL (real PostgreSQL 17, no Docker) for a Quarkus test and points the
 * datasource at it; Flyway migrates it at application start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgresDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedPostgresDatabase.start();
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
