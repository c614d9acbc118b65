package io.fuseline.station.job;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.StepParams;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns a verified plaintext image into the bytes a flash step writes: padded with 0xFF to 16 bytes, then
 * encrypted per device with the chip's flash-encryption scheme when the step names a key, or, for the {@code nvs}
 * image written without flash encryption, NVS-encrypted with the job's NVS key when it carries one. Deterministic,
 * so a verification can recompute what its write wrote. Key copies are wiped before returning.
 */
final class FlashPayloads {

    /** The image name ESP-IDF gives the NVS partition. */
    static final String NVS_IMAGE = "nvs";

    private FlashPayloads() {
    }

    static byte[] of(JobRun run, StepParams p) throws StepFailure {
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
            return nvsEncrypt(nvs.get(), padded);
        }
        return padded;
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

    private static byte[] nvsEncrypt(SecretBytes key, byte[] padded) throws StepFailure {
        try {
            return key.apply(k -> {
                if (k.length != 2 * NvsKeys.KEY_LENGTH) {
                    throw new IllegalArgumentException("an NVS key is " + 2 * NvsKeys.KEY_LENGTH + " bytes, got "
                            + k.length);
                }
                byte[] data = Arrays.copyOf(k, NvsKeys.KEY_LENGTH);
                byte[] tweak = Arrays.copyOfRange(k, NvsKeys.KEY_LENGTH, 2 * NvsKeys.KEY_LENGTH);
                try (NvsKeys keys = NvsKeys.of(data, tweak)) {
                    return NvsEncryption.encrypt(padded, keys);
                } finally {
                    Arrays.fill(data, (byte) 0);
                    Arrays.fill(tweak, (byte) 0);
                }
            });
        } catch (RuntimeException e) {
            throw StepFailure.of(FailureReason.INTERNAL, "cannot NVS-encrypt: " + e.getMessage());
        }
    }
}
