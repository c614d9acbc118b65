package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;

/**
 * Receives every station event that passed its contract, in per-unit order. The unit lifecycle implements it; the
 * messaging layer knows nothing of states.
 *
 * <p>Called on the consumer's thread, one event at a time per partition. Throwing marks the record failed, and it is
 * dead-lettered with the exception's message: a sink must throw only for events it can never handle.
 */
public interface StationEventSink {
    void accept(CloudEvent<FuselineMessage> event);
}
