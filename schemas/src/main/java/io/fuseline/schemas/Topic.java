package io.fuseline.schemas;

/**
 * The Kafka topics of a line. Records of one unit share a key so that they stay in order on one partition; each
 * constant says what its key is. The names are also {@link Topics} string constants, for annotations.
 */
public enum Topic {
    /** station-agent to orchestrator; keyed by device MAC, or by station id before the unit is identified. */
    STATION_EVENTS(Topics.STATION_EVENTS),
    /** orchestrator to station-agent; keyed by station id. */
    STATION_JOBS(Topics.STATION_JOBS),
    /** orchestrator to hsm-signer; keyed by device MAC, or {@code line} for audit checkpoints. */
    HSM_REQUESTS(Topics.HSM_REQUESTS),
    /** hsm-signer to orchestrator; keyed by device MAC, or {@code line} for audit checkpoints. */
    HSM_RESULTS(Topics.HSM_RESULTS),
    /** orchestrator and hsm-signer to the archive; keyed by device MAC, or {@code line} for line-wide records. */
    AUDIT(Topics.AUDIT),
    /** any consumer to operators: records that broke their contract, under their original key. */
    DLQ(Topics.DLQ);

    private final String topicName;

    Topic(String topicName) { this.topicName = topicName; }

    /** The Kafka topic name. */
    public String topicName() { return topicName; }
}
