package io.fuseline.station.job;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.KeyProtection;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.StepParams;
import java.util.HexFormat;

/**
 * Translates an irreversible job step into the espefuse-style {@link BurnRequest} esp-chip plans. Protection is
 * never added implicitly: the job's own READ_PROTECT and WRITE_PROTECT steps set it, after the burn was verified
 * while still readable (only KEY_PURPOSE_n, which espefuse always write-protects, is the exception).
 */
final class FuseRequests {

    private FuseRequests() {
    }

    /**
     * The request for {@code step}. For a key, the returned request holds a copy of the key that the caller must
     * close (see {@link #close}).
     */
    static BurnRequest of(JobRun run, JobStep step) throws StepFailure {
        StepParams p = step.params();
        return switch (step.kind()) {
            case BURN_KEY -> new BurnRequest.BurnKey(burnName(run.job().chip(), p), p.keyPurpose(),
                    efuseKey(run, p.keyId()), KeyProtection.NONE);
            case BURN_SECURE_BOOT_DIGEST -> new BurnRequest.BurnKeyDigest(p.keyBlock(), p.keyPurpose(),
                    HexFormat.of().parseHex(p.keyDigest()), false);
            case BURN_EFUSE -> new BurnRequest.SetField(p.efuseField(), p.efuseValue());
            case READ_PROTECT -> new BurnRequest.ReadProtect(p.efuseField());
            case WRITE_PROTECT -> new BurnRequest.WriteProtect(p.efuseField());
            case WRITE_FLASH, VERIFY_FLASH -> throw StepFailure.of(FailureReason.INTERNAL,
                    step.kind() + " is not a burn");
        };
    }

    /** Zeroizes the key a request carries, if any. */
    static void close(BurnRequest request) {
        if (request instanceof BurnRequest.BurnKey k) {
            k.key().close();
        }
    }

    /**
     * Whether the eFuse holds the key byte-reversed relative to espsecure order (XTS keys; the ESP32's
     * flash-encryption key, burned through the {@code flash_encryption} alias).
     */
    static boolean storedReversed(KeyPurpose purpose) {
        return purpose != null && (purpose.isXtsKey() || purpose == KeyPurpose.ESP32_FLASH_ENCRYPTION);
    }

    /** The job's block, by index on the chip (for read-back), failing with INTERNAL when the chip has none. */
    static EfuseBlock block(ChipFamily chip, String name) throws StepFailure {
        return EfuseChip.of(chip).block(name).orElseThrow(() -> StepFailure.of(FailureReason.INTERNAL,
                chip.displayName() + " has no eFuse block " + name));
    }

    /** ESP32 BLOCK1 with a flash-encryption purpose burns through the alias, so the key is stored reversed. */
    private static String burnName(ChipFamily chip, StepParams p) {
        if (chip == ChipFamily.ESP32 && p.keyPurpose() == KeyPurpose.ESP32_FLASH_ENCRYPTION) {
            return "flash_encryption";
        }
        return p.keyBlock();
    }

    private static EfuseKey efuseKey(JobRun run, String keyId) throws StepFailure {
        byte[] copy = run.keys().secret(keyId).copy();
        try {
            return EfuseKey.copyOf(copy);
        } finally {
            java.util.Arrays.fill(copy, (byte) 0);
        }
    }
}
