package io.fuseline.station.service;

import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.station.job.JobResult;
import org.jboss.logging.Logger;

/**
 * Tells the operator at the line what to do with a unit once its job ended: one log line per unit naming the jig,
 * the MAC and the bin (PASS, QUARANTINE, or leave on the jig for a retry). The contract has no station-to-operator
 * event; the orchestrator's QuarantineOrdered is the authoritative decision.
 */
final class OperatorConsole {

    private static final Logger LOG = Logger.getLogger("io.fuseline.station.operator");

    private OperatorConsole() {
    }

    static void tell(String jigId, ProvisionJob job, JobResult result) {
        if (result instanceof JobResult.Completed) {
            LOG.infof(">>> %s unit %s: PASS bin (job %s, all %d steps verified)", jigId, job.mac(), job.jobId(),
                    job.steps().size());
        } else if (result instanceof JobResult.Failed f && f.quarantine()) {
            LOG.warnf(">>> %s unit %s: QUARANTINE bin (job %s, step %d %s failed: %s%s)", jigId, job.mac(),
                    job.jobId(), f.step(), f.kind(), f.reason(), f.irreversibleRan() ? ", eFuses burned" : "");
        } else if (result instanceof JobResult.Failed f) {
            LOG.warnf(">>> %s unit %s: leave on the jig, retry expected (job %s, step %d %s failed: %s)", jigId,
                    job.mac(), job.jobId(), f.step(), f.kind(), f.reason());
        }
    }
}
