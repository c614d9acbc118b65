package io.fuseline.schemas.validation;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.JigState;
import io.fuseline.schemas.message.JigStatus;
import io.fuseline.schemas.message.StationHeartbeat;
import java.util.HashSet;
import java.util.Set;

/** StationHeartbeat: a SHA-256 fingerprint, unique jigs, and a unit and job on exactly the busy jigs. */
final class StationHeartbeatValidator implements MessageValidator<StationHeartbeat> {
    @Override
    public void validate(StationHeartbeat m, RuleCheck check) {
        check.sha256(m.enrolledKeyFingerprint(), "/enrolledKeyFingerprint");
        Set<String> jigIds = new HashSet<>();
        Set<MacAddress> macs = new HashSet<>();
        for (int i = 0; i < m.jigs().size(); i++) {
            JigStatus jig = m.jigs().get(i);
            String at = "/jigs/" + i;
            check.require(jigIds.add(jig.jigId()), at + "/jigId", "jig '" + jig.jigId() + "' is listed twice");
            if (jig.mac() != null) {
                check.unicastMac(jig.mac(), at + "/mac");
                check.require(macs.add(jig.mac()), at + "/mac", "the same unit cannot be on two jigs");
            }
            boolean busy = jig.state() == JigState.BUSY;
            check.require(busy == (jig.jobId() != null), at + "/jobId", "is present exactly when the jig is BUSY");
            check.require(!busy || jig.mac() != null, at + "/mac", "is required on a BUSY jig");
            check.require(jig.state() != JigState.EMPTY || jig.mac() == null, at + "/mac",
                    "an EMPTY jig holds no unit");
        }
    }
}
