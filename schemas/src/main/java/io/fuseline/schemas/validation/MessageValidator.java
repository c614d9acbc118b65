package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.FuselineMessage;

/**
 * The rules of one message type that its JSON Schema cannot state: cross-field rules, chip knowledge from esp-chip,
 * checksums. It runs after schema validation, so it may rely on every required member being present and well
 * shaped. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface MessageValidator<T extends FuselineMessage> {

    /**
     * Checks {@code message}; returns normally when it is valid.
     *
     * @throws io.fuseline.schemas.ContractViolation (via {@code check}) at the first broken rule
     */
    void validate(T message, RuleCheck check);
}
