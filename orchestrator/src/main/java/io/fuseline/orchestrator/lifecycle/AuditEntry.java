package io.fuseline.orchestrator.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An audit record the lifecycle asks for: {@code action} in dotted lowercase ({@code unit.quarantined}) and the
 * details, whose values are strings, integers, booleans, lists or maps of those (no floating point: the audit
 * chain hashes canonical JSON, and a float has more than one spelling). The appender adds sequence, hashes, actor,
 * subject (the unit's MAC) and time.
 */
public record AuditEntry(String action, Map<String, Object> details) {
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEntry of(String action, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected for " + action);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                details.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new AuditEntry(action, details);
    }
}
