package io.fuseline.schemas;

import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.DeviceAttached;
import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReleased;
import io.fuseline.schemas.message.StationHeartbeat;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of message types: CloudEvents {@code type} string, record class, schema file and topic, one
 * constant per {@link FuselineMessage} record and contract version. A {@code type} string is never reused for a
 * different shape: a breaking change is a new constant with {@code .v2}. When the new version only adds members, it
 * may share the record of the old one; the record's {@link FuselineMessage#contractVersion()} then says which
 * version a message needs, and older versions are declared first.
 */
public enum MessageType {
    DEVICE_ATTACHED("io.fuseline.device.attached.v1", DeviceAttached.class, Topic.STATION_EVENTS),
    DEVICE_IDENTIFIED("io.fuseline.device.identified.v1", DeviceIdentified.class, Topic.STATION_EVENTS),
    DEVICE_DETACHED("io.fuseline.device.detached.v1", DeviceDetached.class, Topic.STATION_EVENTS),
    STATION_HEARTBEAT("io.fuseline.station.heartbeat.v1", StationHeartbeat.class, Topic.STATION_EVENTS),
    KEY_MATERIAL_REQUESTED("io.fuseline.keymaterial.requested.v1", KeyMaterialRequested.class, Topic.HSM_REQUESTS),
    KEY_MATERIAL_ISSUED("io.fuseline.keymaterial.issued.v1", KeyMaterialIssued.class, Topic.HSM_RESULTS),
    PROVISION_JOB("io.fuseline.job.provision.v1", ProvisionJob.class, Topic.STATION_JOBS),
    /** A job that writes the unit's own NVS partition ({@code nvs} member); v1 is frozen and closed. */
    PROVISION_JOB_V2("io.fuseline.job.provision.v2", ProvisionJob.class, Topic.STATION_JOBS),
    STEP_STARTED("io.fuseline.step.started.v1", StepStarted.class, Topic.STATION_EVENTS),
    STEP_COMPLETED("io.fuseline.step.completed.v1", StepCompleted.class, Topic.STATION_EVENTS),
    STEP_FAILED("io.fuseline.step.failed.v1", StepFailed.class, Topic.STATION_EVENTS),
    FUSE_BURNED("io.fuseline.fuse.burned.v1", FuseBurned.class, Topic.STATION_EVENTS),
    DEVICE_PROVISIONED("io.fuseline.device.provisioned.v1", DeviceProvisioned.class, Topic.HSM_REQUESTS),
    QUARANTINE_ORDERED("io.fuseline.quarantine.ordered.v1", QuarantineOrdered.class, Topic.HSM_REQUESTS),
    QUARANTINE_RELEASED("io.fuseline.quarantine.released.v1", QuarantineReleased.class, Topic.HSM_REQUESTS),
    AUDIT_RECORD("io.fuseline.audit.record.v1", AuditRecord.class, Topic.AUDIT),
    CHECKPOINT_REQUESTED("io.fuseline.checkpoint.requested.v1", CheckpointRequested.class, Topic.HSM_REQUESTS),
    CHECKPOINT_SIGNED("io.fuseline.checkpoint.signed.v1", CheckpointSigned.class, Topic.HSM_RESULTS);

    /** Base of every schema's {@code $id}; the schema loader maps it to this module's classpath resources. */
    public static final String SCHEMA_ID_BASE = "https://schemas.fuseline.io/";
    /** Classpath folder holding the schema files, below which {@code v1/...} follows. */
    public static final String SCHEMA_RESOURCE_BASE = "io/fuseline/schemas/json/";

    private static final String TYPE_PREFIX = "io.fuseline.";
    private static final Map<String, MessageType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::type, Function.identity()));
    /** Per record class, its types by version. */
    private static final Map<Class<?>, Map<Integer, MessageType>> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.groupingBy(MessageType::messageClass,
                    Collectors.toUnmodifiableMap(MessageType::version, Function.identity())));

    private final String type;
    private final Class<? extends FuselineMessage> messageClass;
    private final Topic topic;

    MessageType(String type, Class<? extends FuselineMessage> messageClass, Topic topic) {
        this.type = type;
        this.messageClass = messageClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code io.fuseline.device.identified.v1}. */
    public String type() { return type; }

    public Class<? extends FuselineMessage> messageClass() { return messageClass; }

    public Topic topic() { return topic; }

    /** The major version, the {@code vN} suffix of the type. */
    public int version() { return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2)); }

    /** The schema file relative to the schema base, e.g. {@code v1/device.identified.json}. */
    public String schemaFile() {
        String name = type.substring(TYPE_PREFIX.length(), type.lastIndexOf(".v"));
        return "v" + version() + "/" + name + ".json";
    }

    /** The schema's {@code $id}, also sent as {@code ce_dataschema}. */
    public String schemaId() { return SCHEMA_ID_BASE + schemaFile(); }

    /** The schema's classpath resource name. */
    public String schemaResource() { return SCHEMA_RESOURCE_BASE + schemaFile(); }

    /** The type registered under a CloudEvents {@code type} string, if any. */
    public static Optional<MessageType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /**
     * The type of a record class; every permitted {@link FuselineMessage} has one. For a record that several
     * versions share, the oldest, which every reader of the type knows.
     */
    public static MessageType of(Class<? extends FuselineMessage> messageClass) {
        return versions(messageClass).entrySet().stream().min(Map.Entry.comparingByKey()).orElseThrow().getValue();
    }

    /** The type a message is written as: its record's type in the version {@link FuselineMessage#contractVersion()}. */
    public static MessageType of(FuselineMessage message) {
        MessageType t = versions(message.getClass()).get(message.contractVersion());
        if (t == null) {
            throw new IllegalStateException(message.getClass().getSimpleName() + " has no contract version "
                    + message.contractVersion());
        }
        return t;
    }

    private static Map<Integer, MessageType> versions(Class<?> messageClass) {
        Map<Integer, MessageType> v = BY_CLASS.get(messageClass);
        if (v == null) {
            throw new IllegalStateException(messageClass.getName() + " has no MessageType");
        }
        return v;
    }
}
