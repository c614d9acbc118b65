package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.schemas.message.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-unit NVS partition of a v2 {@link ProvisionJob}: a layout ESP-IDF can mount, names NVS can store, keys and
 * certificate exactly when the job carries the secrets they go with, and flash steps that write both partitions
 * where the description says, bound to it by {@link UnitNvs#digest()}. The {@code nvs_keys} partition must be
 * flash-encrypted: written in plaintext it would hand the NVS key to anyone who reads the flash.
 */
final class UnitNvsRules {
    private static final long SECTOR = 0x1000;
    private static final int NAME_MAX_BYTES = 15;
    /** The longest NVS string (UTF-8 bytes, its NUL excluded) esp-chip's generator stores in the V2 format. */
    private static final int VALUE_MAX_BYTES = 3967;
    private static final Set<String> RESERVED_ENTRIES = Set.of(UnitNvs.CERTIFICATE_ENTRY, UnitNvs.PRIVATE_KEY_ENTRY);

    private final ProvisionJob job;
    private final UnitNvs nvs;
    private final RuleCheck check;

    UnitNvsRules(ProvisionJob job, RuleCheck check) {
        this.job = job;
        this.nvs = job.nvs();
        this.check = check;
    }

    /** Whether a flash step naming {@code image} writes one of the job's per-unit partitions. */
    static boolean isUnitPartition(ProvisionJob job, String image) {
        return job.nvs() != null && UnitNvs.isPartitionImage(image);
    }

    /** The description itself and that the steps write and verify every partition it names. */
    void validate(Map<String, WrappedKey> keys) {
        layout();
        names();
        boolean nvsKey = keys.values().stream().anyMatch(k -> k.kind() == SecretKind.NVS_ENCRYPTION_KEY);
        check.require(nvsKey == nvs.encrypted(), "/nvs/keysAddress",
                "is present exactly when the job carries an NVS_ENCRYPTION_KEY");
        boolean identity = keys.values().stream().anyMatch(k -> k.kind() == SecretKind.DEVICE_IDENTITY_KEY);
        check.require(identity == (nvs.certificatePem() != null), "/nvs/certificatePem",
                "is present exactly when the job carries a DEVICE_IDENTITY_KEY");
        if (nvs.certificatePem() != null) {
            PemRules.certificate(nvs.certificatePem(), "/nvs/certificatePem", check);
            check.require(nvs.encrypted(), "/nvs/keysAddress",
                    "the identity private key goes only into an NVS-encrypted partition (plaintext flash is readable)");
        }
        for (int i = 0; i < job.images().size(); i++) {
            String name = job.images().get(i).name();
            check.require(!isUnitPartition(job, name), "/images/" + i + "/name",
                    "'" + name + "' is the unit's own partition (/nvs), not a release image");
        }
        written(UnitNvs.PARTITION_IMAGE);
        if (nvs.encrypted()) {
            written(UnitNvs.KEYS_IMAGE);
        }
    }

    /** A WRITE_FLASH or VERIFY_FLASH of a per-unit partition, at {@code params}. */
    void flashStep(StepParams p, String params, Map<String, WrappedKey> keys) {
        boolean keysPartition = UnitNvs.KEYS_IMAGE.equals(p.image());
        check.require(!keysPartition || nvs.encrypted(), params + "/image",
                "names nvs_keys but /nvs has no keysAddress");
        long expected = keysPartition ? nvs.keysAddress() : nvs.address();
        check.require(p.address() == expected, params + "/address",
                "must be the " + p.image() + " partition's address in /nvs (" + expected + ")");
        check.require(nvs.digest().equals(p.imageDigest()), params + "/imageDigest",
                "must be the digest of /nvs (a per-unit partition is named by its description)");
        if (keysPartition) {
            WrappedKey key = p.keyId() == null ? null : keys.get(p.keyId());
            check.require(key != null && key.kind() == SecretKind.FLASH_ENCRYPTION_KEY, params + "/keyId",
                    "nvs_keys must be flash-encrypted: name a FLASH_ENCRYPTION_KEY of the job");
        } else {
            check.require(p.keyId() == null, params + "/keyId",
                    "the nvs partition has its own encryption; ESP-IDF does not mount a flash-encrypted one");
        }
    }

    private void layout() {
        check.require(nvs.address() % SECTOR == 0, "/nvs/address", "must be 4 KiB aligned");
        check.require(nvs.sizeBytes() % SECTOR == 0, "/nvs/sizeBytes", "must be a multiple of 4096");
        if (nvs.encrypted()) {
            long k = nvs.keysAddress();
            check.require(k % SECTOR == 0, "/nvs/keysAddress", "must be 4 KiB aligned");
            boolean apart = k + UnitNvs.KEYS_PARTITION_BYTES <= nvs.address() || nvs.address() + nvs.sizeBytes() <= k;
            check.require(apart, "/nvs/keysAddress", "the nvs_keys partition overlaps the nvs partition");
        }
    }

    private void names() {
        nameOk(nvs.namespace(), "/nvs/namespace");
        Set<String> seen = new HashSet<>();
        List<UnitNvs.Entry> entries = nvs.entries();
        for (int i = 0; i < entries.size(); i++) {
            UnitNvs.Entry e = entries.get(i);
            String at = "/nvs/entries/" + i;
            nameOk(e.key(), at + "/key");
            check.require(!RESERVED_ENTRIES.contains(e.key()), at + "/key",
                    "'" + e.key() + "' is written by the station (certificate and identity key)");
            check.require(seen.add(e.key()), at + "/key", "'" + e.key() + "' appears twice");
            check.require(e.value().indexOf('\0') < 0, at + "/value", "an NVS string cannot contain NUL");
            check.require(e.value().getBytes(StandardCharsets.UTF_8).length <= VALUE_MAX_BYTES, at + "/value",
                    "longer than the " + VALUE_MAX_BYTES + " UTF-8 bytes an NVS string holds");
        }
    }

    private void nameOk(String name, String at) {
        check.require(name.indexOf('\0') < 0 && name.getBytes(StandardCharsets.UTF_8).length <= NAME_MAX_BYTES, at,
                "an NVS name is 1 to " + NAME_MAX_BYTES + " UTF-8 bytes without NUL");
    }

    private void written(String image) {
        for (StepKind kind : List.of(StepKind.WRITE_FLASH, StepKind.VERIFY_FLASH)) {
            boolean present = job.steps().stream()
                    .anyMatch(s -> s.kind() == kind && image.equals(s.params().image()));
            check.require(present, "/steps", "the job never runs " + kind + " of the " + image + " partition that "
                    + "/nvs describes");
        }
    }
}
