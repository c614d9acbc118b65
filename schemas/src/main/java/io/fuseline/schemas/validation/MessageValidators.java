package io.fuseline.schemas.validation;

import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.message.FuselineMessage;
import java.util.EnumMap;
import java.util.Map;

/**
 * The semantic validator of every message type. The switch is exhaustive over {@link MessageType}: a new type does
 * not compile until it has a validator (or says explicitly that its schema is enough).
 */
public final class MessageValidators {
    private static final Map<MessageType, MessageValidator<?>> VALIDATORS = new EnumMap<>(MessageType.class);

    static {
        for (MessageType type : MessageType.values()) {
            VALIDATORS.put(type, validatorFor(type));
        }
    }

    private MessageValidators() {}

    private static MessageValidator<?> validatorFor(MessageType type) {
        return switch (type) {
            // Nothing to add: a station id, a jig, a port and USB ids are all shape, which the schema checks.
            case DEVICE_ATTACHED -> (m, check) -> { };
            case DEVICE_IDENTIFIED -> new DeviceIdentifiedValidator();
            case DEVICE_DETACHED -> new DeviceDetachedValidator();
            case STATION_HEARTBEAT -> new StationHeartbeatValidator();
            case KEY_MATERIAL_REQUESTED -> new KeyMaterialRequestedValidator();
            case KEY_MATERIAL_ISSUED -> new KeyMaterialIssuedValidator();
            case PROVISION_JOB, PROVISION_JOB_V2 -> new ProvisionJobValidator();
            case STEP_STARTED -> StepEventValidators.STARTED;
            case STEP_COMPLETED -> StepEventValidators.COMPLETED;
            case STEP_FAILED -> StepEventValidators.FAILED;
            case FUSE_BURNED -> new FuseBurnedValidator();
            case DEVICE_PROVISIONED -> OutcomeValidators.PROVISIONED;
            case QUARANTINE_ORDERED -> OutcomeValidators.ORDERED;
            case QUARANTINE_RELEASED -> OutcomeValidators.RELEASED;
            case AUDIT_RECORD -> new AuditRecordValidator();
            case CHECKPOINT_REQUESTED -> CheckpointValidators.REQUESTED;
            case CHECKPOINT_SIGNED -> CheckpointValidators.SIGNED;
        };
    }

    /**
     * Applies the semantic rules of the message's type. Assumes the message is schema-valid (the codec checks that
     * first); thread-safe.
     *
     * @throws io.fuseline.schemas.ContractViolation of kind SEMANTIC at the first broken rule
     */
    @SuppressWarnings("unchecked")
    public static void validate(FuselineMessage message) {
        MessageType type = MessageType.of(message);
        MessageValidator<FuselineMessage> validator = (MessageValidator<FuselineMessage>) VALIDATORS.get(type);
        validator.validate(message, new RuleCheck(type.type()));
    }
}
