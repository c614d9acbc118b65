package io.fuseline.station.service;

import io.fuseline.schemas.message.JigState;
import io.fuseline.schemas.message.JigStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every configured jig's port can be opened (no jig in FAULT); each jig's state is in the data. The
 * broker's readiness comes from the messaging extension's own check.
 */
@Readiness
@ApplicationScoped
public class JigsHealthCheck implements HealthCheck {

    private final JigManager jigs;

    JigsHealthCheck(JigManager jigs) {
        this.jigs = jigs;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("jigs");
        boolean up = true;
        for (JigStatus s : jigs.statuses()) {
            b.withData(s.jigId(), s.state() + " " + s.port() + (s.mac() == null ? "" : " " + s.mac()));
            up &= s.state() != JigState.FAULT;
        }
        return b.status(up).build();
    }
}
