package io.fuseline.station.job;

import io.fuseline.schemas.message.FuselineMessage;

/**
 * Where a {@link JobExecutor} sends the events of a job ({@code StepStarted}, {@code StepCompleted},
 * {@code StepFailed}, {@code FuseBurned}), in the order they happen. Implementations must keep that order per unit
 * (the Kafka sink keys every event by MAC) and must not block for long: the executor calls from the jig's worker
 * thread. Never receives key material: the events carry key check values only.
 */
@FunctionalInterface
public interface EventSink {

    /** Hands one event on; called from the jig's worker thread. */
    void emit(FuselineMessage event);
}
