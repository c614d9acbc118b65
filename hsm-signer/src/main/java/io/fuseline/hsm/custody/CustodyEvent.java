package io.fuseline.hsm.custody;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.hsm.vault.KeyLabel;
import java.util.Objects;

/**
 * One event in a key's life, as the custody ledger records it: never the key, always its label and key check value.
 * Each becomes one {@code AuditRecord} whose action is {@link #action()} and whose subject is the device MAC (or
 * {@code line} for ceremony keys).
 */
public sealed interface CustodyEvent {
    KeyLabel label();

    String kcv();

    /** The audit action, dotted lowercase: {@code key.generated}, {@code key.wrapped}, ... */
    String action();

    /** The event's own details, added to the label and check value in the record's payload. */
    ObjectNode details();

    /** Generated inside {@code vault} at {@code label} under the role's template, for {@code requestId}. */
    record Generated(KeyLabel label, String kcv, String vault, String template, String requestId) implements CustodyEvent {
        public String action() { return "key.generated"; }
        public ObjectNode details() {
            return node().put("vault", vault).put("template", template).put("requestId", requestId);
        }
    }

    /** Wrapped for enrolled station {@code stationId} (public key fingerprint {@code stationKey}). */
    record WrappedFor(KeyLabel label, String kcv, String stationId, String stationKey, String requestId)
            implements CustodyEvent {
        public String action() { return "key.wrapped"; }
        public ObjectNode details() {
            return node().put("stationId", stationId).put("stationKeyFingerprint", stationKey).put("requestId", requestId);
        }
    }

    /** The envelope went out to the orchestrator on {@code topic}: the broker acknowledged the record. */
    record Delivered(KeyLabel label, String kcv, String stationId, String requestId, String topic)
            implements CustodyEvent {
        public String action() { return "key.delivered"; }
        public ObjectNode details() {
            return node().put("stationId", stationId).put("requestId", requestId).put("topic", topic);
        }
    }

    /** The orchestrator reports the key burned into {@code device} ({@code keyId} in a read-protected key block). */
    record Burned(KeyLabel label, String kcv, String device, String jobId, String purpose, boolean readProtected)
            implements CustodyEvent {
        public String action() { return "key.burned"; }
        public ObjectNode details() {
            ObjectNode n = node().put("device", device).put("jobId", jobId).put("readProtected", readProtected);
            return purpose == null ? n : n.put("purpose", purpose);
        }
    }

    /** Destroyed in the vault under {@code policy}, as decided by {@code by} (who) for {@code reason}. Irreversible. */
    record Destroyed(KeyLabel label, String kcv, String policy, String by, String reason) implements CustodyEvent {
        public String action() { return "key.destroyed"; }
        public ObjectNode details() { return node().put("policy", policy).put("by", by).put("reason", reason); }
    }

    /** Kept in the vault under {@code policy} (escrow), as decided by {@code by} for {@code reason}. */
    record Escrowed(KeyLabel label, String kcv, String policy, String by, String reason) implements CustodyEvent {
        public String action() { return "key.escrowed"; }
        public ObjectNode details() { return node().put("policy", policy).put("by", by).put("reason", reason); }
    }

    private static ObjectNode node() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Null checks shared by the records' users. */
    static void check(CustodyEvent e) {
        Objects.requireNonNull(e.label(), "label");
        Objects.requireNonNull(e.kcv(), "kcv");
    }
}
