package io.fuseline.station.job;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns what a flash step names into the bytes it writes. A release image: padded with 0xFF to 16 bytes, then
 * encrypted per device with the chip's flash-encryption scheme when the step names a key. The unit's own partitions
 * of a v2 job ({@link UnitPartitions}): {@code nvs} as built (NVS-encrypted already, never flash-encrypted: ESP-IDF
 * would not mount it), {@code nvs_keys} flash-encrypted with the step's key, as ESP-IDF expects of that partition.
 * A v1 job keeps its old rule: an {@code nvs} release image written without flash encryption is NVS-encrypted with
 * the job's NVS key when it carries one. Deterministic, so a verification can recompute what its write wrote.
 * Key copies are wiped before returning.
 */
final class FlashPayloads {

    /** The image name ESP-IDF gives the NVS partition. */
    static final String NVS_IMAGE = UnitNvs.PARTITION_IMAGE;

    private FlashPayloads() {
    }

    static byte[] of(JobRun run, StepParams p) throws StepFailure {
        if (run.job().nvs() != null && UnitNvs.isPartitionImage(p.image())) {
            return unitPartition(run, p);
        }
        byte[] plain = run.images().get(p.image());
        if (plain == null) {
            throw StepFailure.of(FailureReason.INTERNAL, "image " + p.image() + " was not fetched");
        }
        byte[] padded = Arrays.copyOf(plain, (plain.length + 15) / 16 * 16);
        Arrays.fill(padded, plain.length, padded.length, (byte) 0xFF);
        if (p.keyId() != null) {
            return encrypt(run.job().chip(), run.keys().flashKey(p.keyId()), p.address(), padded);
        }
        Optional<SecretBytes> nvs = run.keys().nvsKey();
        if (NVS_IMAGE.equals(p.image()) && nvs.isPresent()) {
            try (NvsKeys keys = nvsKeys(nvs.get())) {
                return NvsEncryption.encrypt(padded, keys);
            } catch (RuntimeException e) {
                throw StepFailure.of(FailureReason.INTERNAL, "cannot NVS-encrypt: " + e.getMessage());
            }
        }
        return padded;
    }

    /**
     * The job's 64-byte NVS key (data key ‖ tweak key, as in the nvs_keys partition) as esp-chip keys, which the
     * caller closes. Fails with KEY_UNWRAP_FAILED for a key of another length.
     */
    static NvsKeys nvsKeys(SecretBytes key) throws StepFailure {
        if (key.length() != 2 * NvsKeys.KEY_LENGTH) {
            throw StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "an NVS key is " + 2 * NvsKeys.KEY_LENGTH
                    + " bytes, the job's (kcv " + key.kcv() + ") has " + key.length());
        }
        return key.apply(k -> {
            byte[] data = Arrays.copyOf(k, NvsKeys.KEY_LENGTH);
            byte[] tweak = Arrays.copyOfRange(k, NvsKeys.KEY_LENGTH, 2 * NvsKeys.KEY_LENGTH);
            try {
                return NvsKeys.of(data, tweak);
            } finally {
                Arrays.fill(data, (byte) 0);
                Arrays.fill(tweak, (byte) 0);
            }
        });
    }

    private static byte[] unitPartition(JobRun run, StepParams p) throws StepFailure {
        UnitPartitions parts = run.partitions();
        if (parts == null) {
            throw StepFailure.of(FailureReason.INTERNAL, "the unit's NVS partitions were not built");
        }
        if (!UnitNvs.KEYS_IMAGE.equals(p.image())) {
            return parts.nvs();
        }
        if (p.keyId() == null) {
            // The contract forbids it; checked again because a plaintext nvs_keys hands out the NVS key.
            throw StepFailure.of(FailureReason.INTERNAL, "nvs_keys is never written without flash encryption");
        }
        byte[] plain = parts.nvsKeys().orElseThrow(() -> StepFailure.of(FailureReason.INTERNAL,
                "the job writes nvs_keys but its NVS partition is not encrypted"));
        try {
            return encrypt(run.job().chip(), run.keys().flashKey(p.keyId()), p.address(), plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] encrypt(ChipFamily chip, byte[] key, long address, byte[] padded) throws StepFailure {
        try (FlashEncryption fe = FlashEncryption.forChip(chip, key)) {
            return fe.encrypt(address, padded);
        } catch (RuntimeException e) {
            throw StepFailure.of(FailureReason.INTERNAL, "cannot encrypt for " + chip.displayName() + ": "
                    + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
