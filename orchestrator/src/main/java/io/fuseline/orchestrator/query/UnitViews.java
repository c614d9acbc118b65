package io.fuseline.orchestrator.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** What the API shows of a unit and its history. Plain records, serialised as JSON as they are. */
public final class UnitViews {
    private UnitViews() {
    }

    /** A unit as the registry knows it now; {@code lot} comes from its work order. */
    public record UnitSummary(String mac, String chip, String revision, String state, String stationId, String jigId,
                              String workOrderId, String recipeId, String lot, Instant updatedAt) {
    }

    /** One state change, from the audit record that proves it ({@code auditSequence}). */
    public record Transition(long auditSequence, Instant time, String from, String to, String cause) {
    }

    /** One step of a job with its evidence (as the station reported it) or its failure reason. */
    public record StepView(int number, String kind, boolean irreversible, String status, Instant startedAt,
                           Instant finishedAt, Long durationMillis, JsonNode evidence, String failureReason) {
    }

    /** One job (attempt) with its steps. */
    public record JobView(String jobId, int attempt, String stationId, String jigId, String status, Instant issuedAt,
                          Instant finishedAt, List<StepView> steps) {
    }

    /** One burned eFuse field: before/after values for fields of at most 64 bits, a KCV for key blocks. */
    public record FuseBurnView(String jobId, int step, int block, String field, String before, String after,
                               String kcv, boolean readProtected, boolean writeProtected, Instant burnedAt) {
    }

    /** Where one per-device key has been, as the orchestrator saw it. */
    public record CustodyView(String keyId, String mac, String requestId, String kind, String purpose, String kcv,
                              String stationId, String wrappingKeyFingerprint, Instant issuedAt, String burnedJobId,
                              String burnedBlock, Instant burnedAt, boolean readProtected, String disposition,
                              String workOrderId) {
    }

    /** A quality engineer's decision on a quarantine case. */
    public record DispositionView(String disposition, String decidedBy, String reason, Instant decidedAt) {
    }

    /** A quarantine case with its evidence and decisions (empty while it is open). */
    public record QuarantineView(String quarantineId, String mac, String jobId, Integer failedStep, String reason,
                                 boolean irreversibleStepsDone, JsonNode evidence, Instant openedAt, Instant closedAt,
                                 String stationId, String workOrderId, List<DispositionView> dispositions) {
    }

    /** Everything about one unit, with the sequence numbers of all its audit records. */
    public record UnitHistory(UnitSummary unit, JsonNode currentState, List<Transition> states, List<JobView> jobs,
                              List<FuseBurnView> fuseBurns, List<CustodyView> custody,
                              List<QuarantineView> quarantines, List<Long> auditRecords) {
    }
}
