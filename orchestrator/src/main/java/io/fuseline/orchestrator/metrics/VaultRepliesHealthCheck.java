package io.fuseline.orchestrator.metrics;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the vault's side of the line: DOWN while any unit has waited longer than
 * {@code fuseline.health.vault-reply-timeout} for its key material (KeyMaterialRequested without KeyMaterialIssued:
 * the unit is still IDENTIFIED), with how many and since when. hsm-signer down, or its topic stuck, shows here.
 */
@Readiness
@ApplicationScoped
public class VaultRepliesHealthCheck implements HealthCheck {
    private final Jdbc jdbc;
    private final HealthConfig config;
    private final Clock clock;

    VaultRepliesHealthCheck(DataSource dataSource, HealthConfig config, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        return at(clock.instant());
    }

    /** The check as it would answer at {@code now}. */
    public HealthCheckResponse at(Instant now) {
        Instant before = now.minus(config.vaultReplyTimeout());
        return jdbc.with("SELECT count(*), min(updated_at) FROM devices WHERE state = 'IDENTIFIED' AND updated_at < ?",
                "devices waiting for key material", ps -> {
                    ps.setTimestamp(1, Timestamp.from(before));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long waiting = rs.getLong(1);
                        var response = HealthCheckResponse.named("vault replies").status(waiting == 0)
                                .withData("unitsWaitingLongerThanTimeout", waiting)
                                .withData("timeout", config.vaultReplyTimeout().toString());
                        if (waiting > 0) {
                            response.withData("oldestRequest", rs.getTimestamp(2).toInstant().toString());
                        }
                        return response.build();
                    }
                });
    }
}
