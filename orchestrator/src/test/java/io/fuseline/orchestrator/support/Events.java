package io.fuseline.orchestrator.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.FuselineJson;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a station and the vault send, built from the schemas' golden examples with the unit's MAC, station and job
 * filled in, so tests speak the real contract.
 */
public final class Events {
    private static final ObjectMapper MAPPER = FuselineJson.newMapper();

    private Events() {
    }

    /** A unicast, locally unique MAC for test unit {@code n} (an S3: no MAC CRC to match). */
    public static MacAddress mac(int n) {
        return MacAddress.parse(String.format("f4:12:fa:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff));
    }

    /** A blank ESP32-S3 identified on {@code station}/{@code jig}. */
    public static DeviceIdentified identified(MacAddress mac, String station, String jig) {
        return golden(DeviceIdentified.class, "esp32s3-blank", j -> {
            j.put("mac", mac.toString());
            j.put("stationId", station);
            j.put("jigId", jig);
        });
    }

    /** A blank ESP32 (not an S3) identified on {@code station}/{@code jig}. */
    public static DeviceIdentified identifiedEsp32(MacAddress mac, String station, String jig) {
        return golden(DeviceIdentified.class, "esp32-blank", j -> {
            j.put("mac", mac.toString());
            j.put("macCrc", mac.esp32Crc8());
            j.put("stationId", station);
            j.put("jigId", jig);
        });
    }

    /** Like {@link #identified} but with flash encryption already enabled in release mode. */
    public static DeviceIdentified identifiedWithFusesBurned(MacAddress mac, String station, String jig) {
        return golden(DeviceIdentified.class, "esp32s3-blank", j -> {
            j.put("mac", mac.toString());
            j.put("stationId", station);
            j.put("jigId", jig);
            ((ObjectNode) j.get("efuseSummary")).put("SPI_BOOT_CRYPT_CNT", 7);
        });
    }

    /**
     * The vault's answer to request {@code requestId}, wrapped for {@code station}; key ids are unique per unit
     * ({@code k-fe-0001} becomes {@link #keyId}{@code (mac, "fe")}), as the vault's are.
     */
    public static KeyMaterialIssued issued(String requestId, MacAddress mac, String station) {
        return golden(KeyMaterialIssued.class, "esp32s3", j -> {
            j.put("requestId", requestId);
            j.put("mac", mac.toString());
            j.put("stationId", station);
            j.withArray("/wrappedKeys").forEach(k -> ((ObjectNode) k).put("keyId",
                    k.get("keyId").asText().replace("0001", suffix(mac))).put("kcv", kcv(mac, k.get("kcv").asText())));
        });
    }

    /**
     * The unit's own KCV for the example key whose KCV is {@code exampleKcv}: every unit's keys differ, so their check
     * values do too (24 bits: the example's, mixed with the MAC's last three bytes).
     */
    public static String kcv(MacAddress mac, String exampleKcv) {
        return String.format("%06x", Integer.parseInt(exampleKcv, 16) ^ Integer.parseInt(suffix(mac), 16));
    }

    /** The id the vault gives the unit's key of kind {@code fe}, {@code nvs} or {@code id}. */
    public static String keyId(MacAddress mac, String kind) {
        return "k-" + kind + "-" + suffix(mac);
    }

    private static String suffix(MacAddress mac) {
        return mac.toString().replace(":", "").substring(6);
    }

    public static StepStarted started(ProvisionJob job, int step) {
        return new StepStarted(job.jobId(), job.mac(), job.stationId(), job.attempt(), step, kind(job, step).kind());
    }

    public static StepCompleted completed(ProvisionJob job, int step) {
        return new StepCompleted(job.jobId(), job.mac(), job.stationId(), job.attempt(), step, kind(job, step).kind(),
                100, Map.of("readBack", "ok"));
    }

    public static StepFailed failed(ProvisionJob job, int step, FailureReason reason) {
        boolean evidence = reason.needsEvidence();
        return StepFailed.of(job.jobId(), job.mac(), job.stationId(), job.attempt(), step, kind(job, step).kind(),
                reason, evidence ? "md5 00" : null, evidence ? "md5 ff" : null, "test failure");
    }

    /** The report of an irreversible step's burn; key blocks report a KCV, other fields before and after. */
    /** The KCV of the flash-encryption key in the vault's example answer ({@code esp32s3}). */
    private static final String FLASH_KEY_EXAMPLE_KCV = "3f9a01";

    public static FuseBurned fuseBurned(ProvisionJob job, int step) {
        JobStep s = kind(job, step);
        String field = s.params().keyBlock() != null ? s.params().keyBlock() : s.params().efuseField();
        boolean key = s.params().keyBlock() != null;
        return new FuseBurned(job.jobId(), job.mac(), job.chip(), job.stationId(), step, key ? 4 : 0, field,
                key ? null : "0x0", key ? null : "0x" + Long.toHexString(s.params().efuseValue() == null ? 1
                : s.params().efuseValue()), key ? kcv(job.mac(), FLASH_KEY_EXAMPLE_KCV) : null, false, false);
    }

    public static DeviceDetached detachedDuringJob(ProvisionJob job) {
        return new DeviceDetached(job.stationId(), job.jigId(), "/dev/ttyACM2", job.mac(), true);
    }

    /** Everything a station reports for steps {@code from..to} of a job that goes well. */
    public static List<FuselineMessage> run(ProvisionJob job, int from, int to) {
        List<FuselineMessage> events = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            events.add(started(job, step));
            JobStep s = kind(job, step);
            if (s.kind() == io.fuseline.schemas.message.StepKind.BURN_KEY
                    || s.kind() == io.fuseline.schemas.message.StepKind.BURN_EFUSE) {
                events.add(fuseBurned(job, step));
            }
            events.add(completed(job, step));
        }
        return events;
    }

    public static int firstIrreversible(ProvisionJob job) {
        return job.steps().stream().filter(JobStep::irreversible).mapToInt(JobStep::number).findFirst().orElseThrow();
    }

    private static JobStep kind(ProvisionJob job, int step) {
        return job.steps().get(step - 1);
    }

    private static <T extends FuselineMessage> T golden(Class<T> type, String name, Consumer<ObjectNode> change) {
        ObjectNode json = GoldenExamples.get(MessageType.of(type), name).copy();
        change.accept(json);
        try {
            return MAPPER.treeToValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
