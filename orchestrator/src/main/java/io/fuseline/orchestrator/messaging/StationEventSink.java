package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;

/**
 * Receives every consumed event that passed its contract (station events and the vault's results), in per-unit
 * order. {@code io.fuseline.orchestrator.unit.UnitEventHandler} implements it; the messaging layer knows nothing of
 * states.
 *
 * <p>Called on the consumer's thread, one event at a time per partition. Throwing marks the record failed, and it is
 * dead-lettered with the exception's message: a sink must throw only for events it can never handle.
 */
public interface StationEventSink {
    void accept(CloudEvent<FuselineMessage> event);
}
