package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives every consumed event that passed its contract (station events and the vault's results), in per-unit
 * order. {@code io.fuseline.orchestrator.unit.UnitEventHandler} implements it; the messaging layer knows nothing of
 * states.
 *
 * <p>Called on the consumer's thread, one event or one batch at a time per partition. Throwing marks the record
 * failed, and it is dead-lettered with the exception's message: a sink must throw only for events it can never
 * handle.
 */
public interface StationEventSink {
    void accept(CloudEvent<FuselineMessage> event);

    /**
     * Handles {@code events} (one poll of a partition or more, in consumption order) as consecutive {@link #accept}
     * calls would, possibly together in one transaction. Returns one entry per event, in order: {@code null} if it
     * was handled, else the failure to dead-letter it with. Throws only if the batch as a whole cannot be handled.
     */
    default List<RuntimeException> acceptAll(List<CloudEvent<FuselineMessage>> events) {
        List<RuntimeException> failures = new ArrayList<>(events.size());
        for (CloudEvent<FuselineMessage> event : events) {
            try {
                accept(event);
                failures.add(null);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }
}
