package io.fuseline.station.job;

import io.fuseline.esp.efuse.EfuseBurnRefusedException;
import io.fuseline.esp.efuse.RefusalReason;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.station.ops.EfuseVerificationException;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.ops.LoaderIoException;
import io.fuseline.station.ops.LoaderTimeoutException;
import io.fuseline.station.ops.SyncFailedException;
import io.fuseline.station.ops.UnsupportedChipException;
import io.fuseline.station.ops.VerificationFailedException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one table from loader and eFuse exceptions to the contract's {@link FailureReason}: line trouble is
 * retriable, a chip that refuses or does not keep a burn is not. Key blocks' words never reach the event: a
 * verification failure on a key block quotes key check values.
 */
final class FailureMapping {

    private FailureMapping() {
    }

    static StepFailure of(StepKind kind, LoaderException e) {
        if (e instanceof EfuseVerificationException v) {
            return new StepFailure(FailureReason.EFUSE_BURN_NOT_VERIFIED, describe(v.block(), v.expectedWords()),
                    describe(v.block(), v.readWords()), v.getMessage());
        }
        if (e instanceof VerificationFailedException v) {
            return new StepFailure(FailureReason.VERIFY_MISMATCH, "written bytes", "different flash contents",
                    v.getMessage());
        }
        if (e instanceof LoaderTimeoutException) {
            return StepFailure.of(FailureReason.SERIAL_TIMEOUT, e.getMessage());
        }
        if (e instanceof SyncFailedException) {
            return StepFailure.of(FailureReason.SYNC_FAILED, e.getMessage());
        }
        if (e instanceof LoaderIoException) {
            return StepFailure.of(FailureReason.DEVICE_DISCONNECTED, e.getMessage());
        }
        if (e instanceof UnsupportedChipException) {
            return new StepFailure(FailureReason.CHIP_UNEXPECTED_STATE, "a chip in ROM download mode", "unsupported",
                    e.getMessage());
        }
        boolean flash = kind == StepKind.WRITE_FLASH || kind == StepKind.VERIFY_FLASH;
        return StepFailure.of(flash ? FailureReason.FLASH_WRITE_ERROR
                : e.retriable() ? FailureReason.DEVICE_DISCONNECTED : FailureReason.INTERNAL, e.getMessage());
    }

    static StepFailure of(EfuseBurnRefusedException e) {
        if (e.reason() == RefusalReason.WRITE_PROTECTED) {
            return StepFailure.of(FailureReason.EFUSE_WRITE_PROTECTED, e.target() + " is write-protected: "
                    + e.reason());
        }
        return new StepFailure(FailureReason.CHIP_UNEXPECTED_STATE, e.target() + " burnable",
                "refused: " + e.reason(), "the burn of " + e.target() + " was refused (" + e.reason()
                        + "); nothing was written");
    }

    /** BLOCK0 (configuration) words in hex; any other block by key check value only. */
    private static String describe(String block, int[] words) {
        if (block.equals("BLOCK0")) {
            StringBuilder s = new StringBuilder();
            for (int w : words) {
                s.append(s.length() == 0 ? "" : " ").append(String.format("%08x", w));
            }
            return s.toString();
        }
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        byte[] bytes = b.array();
        try {
            return "kcv " + KeyCheckValue.ofSecret(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
