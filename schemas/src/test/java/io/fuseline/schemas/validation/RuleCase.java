package io.fuseline.schemas.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.MessageType;
import java.util.function.Consumer;

/** One negative test: break a golden example this way, expect a violation at this field with this reason. */
record RuleCase(String rule, MessageType type, String example, Consumer<ObjectNode> mutation, String pointer,
                String reasonFragment) {
    @Override
    public String toString() { return type.name() + ": " + rule; }
}
