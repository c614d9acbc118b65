package io.fuseline.station.job;

import io.fuseline.esp.efuse.DecodedField;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.FieldValue;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepKind;
import java.math.BigInteger;

/**
 * Reports what a burn changed: one {@link FuseBurned} per eFuse field whose read-back value gained bits (the
 * target field, KEY_PURPOSE_n, RD_DIS, WR_DIS ...), with before and after as {@code 0x} hex. A key block (128 bits
 * or more) is reported only as the target of a key or digest burn, and then by key check value, never its content.
 */
final class FuseEvents {

    /** Fields at least this wide are key blocks: their content never leaves the station. */
    static final int KEY_BLOCK_MIN_BITS = 128;

    private final EventSink sink;

    FuseEvents(EventSink sink) {
        this.sink = sink;
    }

    void changed(JobRun run, JobStep step, EfuseSummary before, EfuseSummary after, String targetKcv) {
        ProvisionJob job = run.job();
        String target = step.params().keyBlock();
        for (DecodedField b : before.fields().values()) {
            DecodedField a = after.fields().get(b.field().name());
            if (a == null) {
                continue;
            }
            boolean keyBlock = b.field().bitLength() >= KEY_BLOCK_MIN_BITS;
            if (keyBlock) {
                boolean isTarget = (step.kind() == StepKind.BURN_KEY || step.kind() == StepKind.BURN_SECURE_BOOT_DIGEST)
                        && after.field(target).map(f -> f.field().name().equals(b.field().name())).orElse(false);
                if (isTarget) {
                    sink.emit(new FuseBurned(job.jobId(), job.mac(), job.chip(), job.stationId(), step.number(),
                            b.field().block(), b.field().name(), null, null, targetKcv, !a.readable(),
                            !a.writeable()));
                }
                continue;
            }
            BigInteger was = number(b.value());
            BigInteger now = number(a.value());
            if (was == null || now == null || was.equals(now) || !now.and(was).equals(was)) {
                continue; // unchanged, not a number, or hidden by read protection rather than burned
            }
            sink.emit(new FuseBurned(job.jobId(), job.mac(), job.chip(), job.stationId(), step.number(),
                    b.field().block(), b.field().name(), "0x" + was.toString(16), "0x" + now.toString(16), null,
                    !a.readable(), !a.writeable()));
        }
    }

    /** A field value as {@code 0x} lowercase hex (bytes fields as the little-endian number they encode). */
    static String hex(FieldValue v) {
        BigInteger n = number(v);
        return n == null ? String.valueOf(v) : "0x" + n.toString(16);
    }

    private static BigInteger number(FieldValue v) {
        if (v instanceof FieldValue.Flag f) {
            return f.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (v instanceof FieldValue.Number n) {
            return BigInteger.valueOf(n.value());
        }
        if (v instanceof FieldValue.Bytes b) {
            return new BigInteger(1, reverse(b.memoryOrder()));
        }
        return null;
    }

    static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
