package io.fuseline.station.job;

import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.DecodedField;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseDecoder;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.station.ops.EfuseBurnSettings;
import io.fuseline.station.ops.EfuseBurner;
import io.fuseline.station.ops.LoaderException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The irreversible steps. Each reads the eFuses, burns through {@link EfuseBurner} (which verifies every programmed
 * block against esp-chip's controller model), then checks the step's own intent on the decoded read-back: the key's
 * check value, the digest, the field's value, the protection bit. Emits a {@code FuseBurned} for every field the
 * burn changed (key blocks by check value only). Runs on the jig's worker thread.
 */
final class FuseSteps {

    private final EfuseBurnSettings settings;
    private final FuseEvents events;

    FuseSteps(EfuseBurnSettings settings, FuseEvents events) {
        this.settings = settings;
        this.events = events;
    }

    /** Irreversible: burns what {@code step} says, verifies it by read-back and reports every changed field. */
    Map<String, String> burn(JobRun run, JobStep step) throws StepFailure, LoaderException {
        EfuseSummary before = run.loader().readEfuseSummary();
        BurnRequest request = FuseRequests.of(run, step);
        EfuseBurner.Result result;
        try {
            result = new EfuseBurner(run.loader(), settings).burn(List.of(request));
        } finally {
            FuseRequests.close(request);
        }
        EfuseSummary after = EfuseDecoder.decode(result.after());
        Map<String, String> evidence = verify(run, step, after);
        events.changed(run, step, before, after, evidence.get("kcv"));
        return evidence;
    }

    private Map<String, String> verify(JobRun run, JobStep step, EfuseSummary after) throws StepFailure {
        StepParams p = step.params();
        Map<String, String> evidence = new LinkedHashMap<>();
        switch (step.kind()) {
            case BURN_KEY -> {
                EfuseBlock b = FuseRequests.block(run.job().chip(), p.keyBlock());
                String expected = run.keys().kcv(p.keyId());
                String read = readBackKcv(after, b, FuseRequests.storedReversed(p.keyPurpose()));
                evidence.put("block", b.name());
                evidence.put("kcv", read);
                require(expected.equals(read), "kcv " + expected, "kcv " + read, b.name());
            }
            case BURN_SECURE_BOOT_DIGEST -> {
                EfuseBlock b = FuseRequests.block(run.job().chip(), p.keyBlock());
                String read = HexFormat.of().formatHex(after.block(b.index()).data().memoryOrder());
                evidence.put("block", b.name());
                evidence.put("keyDigest", read);
                evidence.put("kcv", readBackKcv(after, b, false));
                require(p.keyDigest().equals(read), p.keyDigest(), read, b.name());
            }
            case BURN_EFUSE -> {
                String read = FuseEvents.hex(after.value(p.efuseField()));
                evidence.put("field", p.efuseField());
                evidence.put("readBack", read);
                require(read.equals("0x" + Long.toHexString(p.efuseValue())),
                        "0x" + Long.toHexString(p.efuseValue()), read, p.efuseField());
            }
            case READ_PROTECT -> {
                boolean rp = protectedState(run, after, p.efuseField(), true);
                evidence.put("field", p.efuseField());
                evidence.put("readProtected", Boolean.toString(rp));
                require(rp, "read-protected", "readable", p.efuseField());
            }
            case WRITE_PROTECT -> {
                boolean wp = protectedState(run, after, p.efuseField(), false);
                evidence.put("field", p.efuseField());
                evidence.put("writeProtected", Boolean.toString(wp));
                require(wp, "write-protected", "writeable", p.efuseField());
            }
            default -> throw StepFailure.of(FailureReason.INTERNAL, step.kind() + " is not a burn");
        }
        return evidence;
    }

    private static boolean protectedState(JobRun run, EfuseSummary after, String name, boolean read)
            throws StepFailure {
        var field = after.field(name);
        if (field.isPresent() && field.get().field().bitLength() < FuseEvents.KEY_BLOCK_MIN_BITS) {
            DecodedField f = field.get();
            return read ? !f.readable() : !f.writeable();
        }
        EfuseSummary.BlockState b = after.block(FuseRequests.block(run.job().chip(), name).index());
        return read ? b.readProtected() : b.writeProtected();
    }

    /** The key check value of a key block as read back, in the key's own byte order. */
    static String readBackKcv(EfuseSummary after, EfuseBlock block, boolean reversed) {
        byte[] data = after.block(block.index()).data().memoryOrder();
        byte[] key = reversed ? FuseEvents.reverse(data) : data;
        try {
            return KeyCheckValue.ofSecret(key);
        } finally {
            java.util.Arrays.fill(data, (byte) 0);
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static void require(boolean ok, String expected, String actual, String what) throws StepFailure {
        if (!ok) {
            throw new StepFailure(FailureReason.EFUSE_BURN_NOT_VERIFIED, expected, actual,
                    what + " did not read back as burned");
        }
    }
}
