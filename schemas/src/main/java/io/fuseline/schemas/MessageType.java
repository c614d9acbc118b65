package io.fuseline.schemas;

import io.fuseline.schemas.message.AuditRecord;
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
 * constant per {@link FuselineMessage} record. A {@code type} string is never reused for a different shape: a
 * breaking change is a new constant with {@code .v2}.
 */
public enum MessageType {
    DEVICE_ATTACHED("io.fuseline.device.attached.v1", DeviceAttached.class, Topic.STATION_EVENTS),
    DEVICE_IDENTIFIED("io.fuseline.device.identified.v1", DeviceIdentified.class, Topic.STATION_EVENTS),
    DEVICE_DETACHED("io.fuseline.device.detached.v1", DeviceDetached.class, Topic.STATION_EVENTS),
    STATION_HEARTBEAT("io.fuseline.station.heartbeat.v1", StationHeartbeat.class, Topic.STATION_EVENTS),
    KEY_MATERIAL_REQUESTED("io.fuseline.keymaterial.requested.v1", KeyMaterialRequested.class, Topic.HSM_REQUESTS),
    KEY_MATERIAL_ISSUED("io.fuseline.keymaterial.issued.v1", KeyMaterialIssued.class, Topic.HSM_RESULTS),
    PROVISION_JOB("io.fuseline.job.provision.v1", ProvisionJob.class, Topic.STATION_JOBS),
    STEP_STARTED("io.fuseline.step.started.v1", StepStarted.class, Topic.STATION_EVENTS),
    STEP_COMPLETED("io.fuseline.step.completed.v1", StepCompleted.class, Topic.STATION_EVENTS),
    STEP_FAILED("io.fuseline.step.failed.v1", StepFailed.class, Topic.STATION_EVENTS),
    FUSE_BURNED("io.fuseline.fuse.burned.v1", FuseBurned.class, Topic.STATION_EVENTS),
    DEVICE_PROVISIONED("io.fuseline.device.provisioned.v1", DeviceProvisioned.class, Topic.HSM_REQUESTS),
    QUARANTINE_ORDERED("io.fuseline.quarantine.ordered.v1", QuarantineOrdered.class, Topic.HSM_REQUESTS),
    QUARANTINE_RELEASED("io.fuseline.quarantine.released.v1", QuarantineReleased.class, Topic.HSM_REQUESTS),
    AUDIT_RECORD("io.fuseline.audit.record.v1", AuditRecord.class, Topic.AUDIT);

    /** Base of every schema's {@code $id}; the schema loader maps it to this module's classpath resources. */
    public static final String SCHEMA_ID_BASE = "https://schemas.fuseline.io/";
    /** Classpath folder holding the schema files, below which {@code v1/...} follows. */
    public static final String SCHEMA_RESOURCE_BASE = "io/fuseline/schemas/json/";

    private static final String TYPE_PREFIX = "io.fuseline.";
    private static final Map<String, MessageType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::type, Function.identity()));
    private static final Map<Class<?>, MessageType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::messageClass, Function.identity()));

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

    /** The type of a record class; every permitted {@link FuselineMessage} has one. */
    public static MessageType of(Class<? extends FuselineMessage> messageClass) {
        MessageType t = BY_CLASS.get(messageClass);
        if (t == null) {
            throw new IllegalStateException(messageClass.getName() + " has no MessageType");
        }
        return t;
    }

    public static MessageType of(FuselineMessage message) {
        return of(message.getClass());
    }
}
