package io.fuseline.station.job;

import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.FlashWriteResult;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.protocol.FlashMd5;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reversible steps: WRITE_FLASH writes the per-device bytes (ciphertext when encrypted; compressed when plain,
 * since ciphertext does not compress), VERIFY_FLASH compares the chip's MD5 of the region with the MD5 of exactly
 * those bytes. A write of the unit's own NVS partition adds the digest of the plaintext it generated and its entry
 * count; of its keys partition, the NVS key's check value. Runs on the jig's worker thread.
 */
final class FlashSteps {

    private FlashSteps() {
    }

    static Map<String, String> write(JobRun run, StepParams p) throws StepFailure, LoaderException {
        byte[] payload = FlashPayloads.of(run, p);
        FlashWriteOptions options = p.keyId() != null ? FlashWriteOptions.PLAIN : FlashWriteOptions.COMPRESSED;
        FlashWriteResult r = run.loader().writeFlash(Math.toIntExact(p.address()), payload, options,
                (done, total) -> { });
        run.written().put(p.address(), payload);
        Map<String, String> evidence = new LinkedHashMap<>(Map.of("image", p.image(),
                "address", "0x" + Long.toHexString(p.address()), "bytes", Integer.toString(payload.length),
                "md5Written", md5(payload), "encrypted", Boolean.toString(p.keyId() != null),
                "retries", Integer.toString(r.retries())));
        if (run.partitions() != null && UnitNvs.isPartitionImage(p.image())) {
            evidence.putAll(run.partitions().evidence(p.image()));
        }
        return evidence;
    }

    static Map<String, String> verify(JobRun run, StepParams p) throws StepFailure, LoaderException {
        byte[] payload = run.written().get(p.address());
        if (payload == null) {
            payload = FlashPayloads.of(run, p);
        }
        String expected = md5(payload);
        FlashMd5 onChip = run.loader().flashMd5(Math.toIntExact(p.address()), payload.length);
        if (!onChip.hex().equals(expected)) {
            throw new StepFailure(FailureReason.VERIFY_MISMATCH, expected, onChip.hex(), "flash at 0x"
                    + Long.toHexString(p.address()) + " (" + p.image() + ") does not hold what was written");
        }
        return Map.of("image", p.image(), "address", "0x" + Long.toHexString(p.address()),
                "bytes", Integer.toString(payload.length), "md5", onChip.hex());
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }
}
