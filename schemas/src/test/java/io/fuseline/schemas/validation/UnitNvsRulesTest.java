package io.fuseline.schemas.validation;

import static io.fuseline.schemas.MessageType.PROVISION_JOB;
import static io.fuseline.schemas.MessageType.PROVISION_JOB_V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.UnitNvs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-unit NVS partition of a v2 job. The golden v2 ESP32-S3 job writes, by step index: 0 bootloader,
 * 1 partition-table, 2 nvs (per unit, no flash key), 3 nvs_keys (per unit, flash-encrypted), 4 app; 5-9 verify the
 * same; 10.. the burns of the v1 job.
 */
class UnitNvsRulesTest {
    private static final String S3 = "esp32s3-release";
    private static final CloudEventCodec CODEC = new CloudEventCodec();

    static Stream<RuleCase> cases() {
        return Stream.of(
                c("unaligned partition", j -> nvs(j).put("address", 36865), "/nvs/address", "4 KiB aligned"),
                c("partition not whole sectors", j -> nvs(j).put("sizeBytes", 24577), "/nvs/sizeBytes", "4096"),
                c("partition too small for a read/write NVS", j -> nvs(j).put("sizeBytes", 8192), "/nvs/sizeBytes",
                        "minimum"),
                c("keys partition inside the nvs partition", j -> nvs(j).put("keysAddress", 40960),
                        "/nvs/keysAddress", "overlaps"),
                c("NVS key without a keys partition", j -> nvs(j).remove("keysAddress"), "/nvs/keysAddress",
                        "NVS_ENCRYPTION_KEY"),
                c("identity key in a partition without NVS encryption", j -> {
                    ((ArrayNode) j.get("wrappedKeys")).remove(1);
                    nvs(j).remove("keysAddress");
                    steps(j).remove(8);
                    steps(j).remove(3);
                    renumber(j);
                }, "/nvs/keysAddress", "only into an NVS-encrypted partition"),
                c("identity key without its certificate", j -> nvs(j).remove("certificatePem"),
                        "/nvs/certificatePem", "DEVICE_IDENTITY_KEY"),
                c("a private key where the certificate goes", j -> nvs(j).put("certificatePem",
                        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), "/nvs/certificatePem",
                        "must not contain a private key"),
                c("namespace longer than NVS stores", j -> nvs(j).put("namespace", "fuselinefuseline"),
                        "/nvs/namespace", "15"),
                c("entry name of 16 UTF-8 bytes", j -> entry(j, 0).put("key", "sérial-number-1"),
                        "/nvs/entries/0/key", "1 to 15 UTF-8 bytes"),
                c("entry named like the station's certificate", j -> entry(j, 0).put("key", UnitNvs.CERTIFICATE_ENTRY),
                        "/nvs/entries/0/key", "written by the station"),
                c("entry named like the identity key", j -> entry(j, 1).put("key", UnitNvs.PRIVATE_KEY_ENTRY),
                        "/nvs/entries/1/key", "written by the station"),
                c("entry twice", j -> entry(j, 1).put("key", "serial"), "/nvs/entries/1/key", "twice"),
                c("NUL in a value", j -> entry(j, 0).put("value", "a\u0000b"), "/nvs/entries/0/value", "NUL"),
                c("a release image takes the partition's name", j -> ((ObjectNode) j.get("images").get(1))
                        .put("name", "nvs"), "/images/1/name", "the unit's own partition"),
                c("nvs written elsewhere", j -> params(j, 2).put("address", 40960), "/steps/2/params/address",
                        "36864"),
                c("nvs_keys written elsewhere", j -> params(j, 3).put("address", 0x11000),
                        "/steps/3/params/address", "61440"),
                c("per-unit step bound to another description", j -> params(j, 7).put("imageDigest", "a".repeat(64)),
                        "/steps/7/params/imageDigest", "digest of /nvs"),
                c("description changed after the steps were built", j -> entry(j, 2).put("value", "wo-other"),
                        "/steps/2/params/imageDigest", "digest of /nvs"),
                c("nvs_keys written in plaintext", j -> params(j, 3).remove("keyId"), "/steps/3/params/keyId",
                        "must be flash-encrypted"),
                c("nvs under the flash key", j -> params(j, 2).put("keyId", "k-fe-0001"), "/steps/2/params/keyId",
                        "own encryption"),
                c("nvs never verified", j -> {
                    steps(j).remove(7);
                    renumber(j);
                }, "/steps", "never runs VERIFY_FLASH of the nvs partition"),
                c("nvs_keys never written", j -> {
                    steps(j).remove(8);
                    steps(j).remove(3);
                    renumber(j);
                }, "/steps", "never runs WRITE_FLASH of the nvs_keys partition"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleNamesTheFieldInTheError(RuleCase rc) {
        ContractViolation v = Violations.of(rc.type(), rc.example(), rc.mutation());

        assertThat(v.pointer()).isEqualTo(rc.pointer());
        assertThat(v.reason()).contains(rc.reasonFragment());
        assertThat(v.getMessage()).contains("io.fuseline.job.provision.v2");
    }

    @Test
    void aJobWithItsOwnNvsIsWrittenAsV2AndOneWithoutStaysV1() {
        ProvisionJob v2 = (ProvisionJob) GoldenExamples.get(PROVISION_JOB_V2, S3).message();
        ProvisionJob v1 = GoldenExamples.message(ProvisionJob.class, S3);

        EncodedEvent encoded = CODEC.encode(CloudEvent.of("/test", v2));
        assertThat(new String(encoded.headers().get("ce_type"), StandardCharsets.UTF_8))
                .isEqualTo("io.fuseline.job.provision.v2");
        assertThat(new String(encoded.headers().get("ce_dataschema"), StandardCharsets.UTF_8))
                .endsWith("/v2/job.provision.json");
        assertThat(CODEC.decode(encoded.headers(), encoded.data(), ProvisionJob.class).data()).isEqualTo(v2);
        assertThat(MessageType.of(v1)).isEqualTo(PROVISION_JOB);
        assertThat(new String(CODEC.encode(CloudEvent.of("/test", v1)).data(), StandardCharsets.UTF_8))
                .doesNotContain("\"nvs\":");
    }

    @Test
    void neitherVersionAcceptsTheOthersShape() {
        ObjectNode withNvs = GoldenExamples.get(PROVISION_JOB_V2, S3).copy();
        assertThat(Violations.decode(PROVISION_JOB, withNvs).pointer()).isEqualTo("/nvs");
        ObjectNode without = GoldenExamples.get(PROVISION_JOB_V2, S3).copy();
        without.remove("nvs");
        assertThat(Violations.decode(PROVISION_JOB_V2, without).pointer()).isEqualTo("/nvs");
    }

    @Test
    void theDigestIsAKnownAnswerOverEveryMember() {
        UnitNvs nvs = ((ProvisionJob) GoldenExamples.get(PROVISION_JOB_V2, S3).message()).nvs();
        // Computed independently (length-prefixed fields, as UnitNvs.digest documents) when the example was made.
        assertThat(nvs.digest()).isEqualTo("4463d8c88249ad3419e12731e94cee909758b8a3458a5da40792e090a110139f");

        UnitNvs moved = new UnitNvs(nvs.address(), nvs.sizeBytes(), null, nvs.namespace(), nvs.entries(),
                nvs.certificatePem());
        UnitNvs swapped = new UnitNvs(nvs.address(), nvs.sizeBytes(), nvs.keysAddress(), nvs.namespace(),
                List.of(new UnitNvs.Entry("serial", "lot"), new UnitNvs.Entry("", "")), nvs.certificatePem());
        UnitNvs joined = new UnitNvs(nvs.address(), nvs.sizeBytes(), nvs.keysAddress(), nvs.namespace(),
                List.of(new UnitNvs.Entry("seriallo", "t"), new UnitNvs.Entry("", "")), nvs.certificatePem());
        assertThat(Stream.of(nvs, moved, swapped, joined).map(UnitNvs::digest)).doesNotHaveDuplicates();
    }

    private static RuleCase c(String rule, Consumer<ObjectNode> mutation, String pointer, String reason) {
        return new RuleCase(rule, PROVISION_JOB_V2, S3, mutation, pointer, reason);
    }

    private static ObjectNode nvs(ObjectNode job) { return (ObjectNode) job.get("nvs"); }

    private static ObjectNode entry(ObjectNode job, int i) { return (ObjectNode) nvs(job).get("entries").get(i); }

    private static ArrayNode steps(ObjectNode job) { return (ArrayNode) job.get("steps"); }

    private static ObjectNode params(ObjectNode job, int i) { return (ObjectNode) steps(job).get(i).get("params"); }

    private static void renumber(ObjectNode job) {
        for (int i = 0; i < steps(job).size(); i++) {
            ((ObjectNode) steps(job).get(i)).put("number", i + 1);
        }
    }
}
