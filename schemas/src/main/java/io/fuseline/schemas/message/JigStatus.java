package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Objects;

/** One jig in a heartbeat: its port, state, and the unit and job on it when there is one (else null). */
public record JigStatus(String jigId, String port, JigState state, MacAddress mac, String jobId) {
    public JigStatus {
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(state, "state");
    }
}
