package io.fuseline.schemas.message;

import io.fuseline.esp.MacAddress;
import java.util.Optional;

/**
 * Every event and command that Fuseline puts on Kafka. The set is sealed: a new message is a new record here plus
 * its schema file, its {@code MessageType} entry and its validator, and the exhaustive switches over
 * {@code MessageType} refuse to compile until all of them exist.
 *
 * <p>Records carry no semantic invariants in their constructors (only null checks and defensive copies): the
 * codec validates a message against its schema and its validator before a caller ever sees it.
 */
public sealed interface FuselineMessage
        permits DeviceAttached, DeviceIdentified, DeviceDetached, StationHeartbeat, KeyMaterialRequested,
        KeyMaterialIssued, ProvisionJob, StepStarted, StepCompleted, StepFailed, FuseBurned, DeviceProvisioned,
        QuarantineOrdered, QuarantineReleased, AuditRecord, CheckpointRequested, CheckpointSigned {

    /** The unit this message is about, when it names one; the codec writes it to {@code ce_subject}. */
    Optional<MacAddress> subjectMac();

    /**
     * The major version of the contract this message needs: 1, unless it uses a member that only a later version
     * of its type has (a released version is frozen, so a new member means a new version). {@code MessageType.of}
     * picks the CloudEvents type by it.
     */
    default int contractVersion() {
        return 1;
    }
}
