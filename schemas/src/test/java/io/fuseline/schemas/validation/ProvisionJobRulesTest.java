package io.fuseline.schemas.validation;

import static io.fuseline.schemas.MessageType.PROVISION_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepKind;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of a provisioning plan. The golden ESP32-S3 job has, by index: 0-3 flash writes (bootloader,
 * partition-table, nvs, app), 4-7 their verification, 8 BURN_KEY BLOCK_KEY0, 9 READ_PROTECT and 10 WRITE_PROTECT
 * of it, 11 BURN_SECURE_BOOT_DIGEST BLOCK_KEY1, 12 WRITE_PROTECT of it, 13-15 BURN_EFUSE (SPI_BOOT_CRYPT_CNT,
 * SECURE_BOOT_EN, DIS_DOWNLOAD_MANUAL_ENCRYPT), 16 WRITE_PROTECT SPI_BOOT_CRYPT_CNT.
 */
class ProvisionJobRulesTest {
    private static final String S3 = "esp32s3-release";

    static Stream<RuleCase> cases() {
        return Stream.of(
                c("numbering gap", j -> step(j, 3).put("number", 5), "/steps/3/number", "expected 4 but was 5"),
                c("numbering from 0", j -> step(j, 0).put("number", 0), "/steps/0/number", "minimum"),
                c("irreversible flag contradicts the kind", j -> step(j, 8).put("irreversible", false),
                        "/steps/8/irreversible", "must be true for a BURN_KEY step"),
                c("parameter of another kind", j -> params(j, 0).put("efuseField", "SECURE_BOOT_EN"),
                        "/steps/0/params/efuseField", "not a parameter of WRITE_FLASH"),
                c("missing parameter", j -> params(j, 0).remove("imageDigest"), "/steps/0/params/imageDigest",
                        "required for WRITE_FLASH"),
                c("unaligned flash address", j -> params(j, 0).put("address", 100), "/steps/0/params/address",
                        "4 KiB"),
                c("unknown image", j -> params(j, 0).put("image", "recovery"), "/steps/0/params/image",
                        "names no image"),
                c("image digest of another image", j -> params(j, 0).put("imageDigest", "a".repeat(64)),
                        "/steps/0/params/imageDigest", "differs from the digest"),
                c("image digest too short", j -> params(j, 0).put("imageDigest", "a".repeat(63)),
                        "/steps/0/params/imageDigest", "pattern"),
                c("flash encrypted with a non-flash key", j -> params(j, 0).put("keyId", "k-nvs-0001"),
                        "/steps/0/params/keyId", "FLASH_ENCRYPTION_KEY"),
                c("image listed twice", j -> ((ObjectNode) j.get("images").get(1)).put("name", "bootloader"),
                        "/images/1/name", "twice"),
                c("key block unknown to the chip", j -> params(j, 8).put("keyBlock", "BLOCK1"),
                        "/steps/8/params/keyBlock", "not an eFuse field of esp32s3"),
                c("key burned into a non-key field", j -> params(j, 8).put("keyBlock", "SECURE_BOOT_EN"),
                        "/steps/8/params/keyBlock", "not a key block"),
                c("key purpose not on the chip", j -> params(j, 8).put("keyPurpose", "ESP32_FLASH_ENCRYPTION"),
                        "/steps/8/params/keyPurpose", "not available on esp32s3"),
                c("key purpose differs from the wrapped key", j -> params(j, 8).put("keyPurpose", "HMAC_UP"),
                        "/steps/8/params/keyPurpose", "differs from the purpose of key"),
                c("digest burned as a key", j -> params(j, 8).put("keyPurpose", "SECURE_BOOT_DIGEST1"),
                        "/steps/8/params/keyPurpose", "BURN_SECURE_BOOT_DIGEST"),
                c("unknown key id", j -> params(j, 8).put("keyId", "k-none"), "/steps/8/params/keyId",
                        "names no wrapped key"),
                c("digest step with a key purpose", j -> params(j, 11).put("keyPurpose", "HMAC_UP"),
                        "/steps/11/params/keyPurpose", "not a Secure Boot digest purpose"),
                c("eFuse value wider than the field", j -> params(j, 14).put("efuseValue", 2),
                        "/steps/14/params/efuseValue", "1 bits of SECURE_BOOT_EN"),
                c("eFuse burn of zero", j -> params(j, 14).put("efuseValue", 0), "/steps/14/params/efuseValue",
                        "changes nothing"),
                c("key block burned as a plain eFuse", j -> params(j, 13).put("efuseField", "BLOCK_KEY2"),
                        "/steps/13/params/efuseField", "BURN_KEY"),
                c("eFuse of another chip", j -> params(j, 13).put("efuseField", "FLASH_CRYPT_CNT"),
                        "/steps/13/params/efuseField", "not an eFuse field of esp32s3"),
                c("reversible step after an irreversible one", j -> {
                    steps(j).add(step(j, 7).deepCopy());
                    renumber(j);
                }, "/steps/17/kind", "reversible step VERIFY_FLASH comes after irreversible step 9"),
                c("flash write not verified before the first burn", j -> {
                    steps(j).remove(7);
                    renumber(j);
                }, "/steps/7/kind", "not verified before the first irreversible step"),
                c("protect before the burn it protects", j -> {
                    JsonNode burn = steps(j).remove(8);
                    steps(j).insert(9, burn);
                    renumber(j);
                }, "/steps/8/params/efuseField", "must come after the step that burns it"),
                c("secret key never read-protected", j -> {
                    steps(j).remove(9);
                    renumber(j);
                }, "/steps", "BLOCK_KEY0 is burned but never read-protected"),
                c("Secure Boot digest read-protected", j -> step(j, 12).put("kind", "READ_PROTECT"),
                        "/steps/12/params/efuseField", "must stay readable"),
                c("plain eFuse read-protected", j -> step(j, 16).put("kind", "READ_PROTECT"),
                        "/steps/16/params/efuseField", "only key blocks"),
                c("one key block burned twice", j -> params(j, 11).put("keyBlock", "KEY0"),
                        "/steps/11/params/keyBlock", "burned twice"),
                c("multicast MAC", j -> j.put("mac", "f5:12:fa:43:6e:10"), "/mac", "multicast"),
                c("no steps", j -> steps(j).removeAll(), "/steps", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleNamesTheFieldInTheError(RuleCase rc) {
        ContractViolation v = Violations.of(rc.type(), rc.example(), rc.mutation());

        assertThat(v.pointer()).isEqualTo(rc.pointer());
        assertThat(v.reason()).contains(rc.reasonFragment());
        assertThat(v.getMessage()).contains("io.fuseline.job.provision.v1", rc.pointer());
    }

    @Test
    void espefuseAliasesNameTheSameField() {
        ObjectNode json = GoldenExamples.get(PROVISION_JOB, S3).copy();
        params(json, 9).put("efuseField", "KEY0");
        byte[] data = json.toString().getBytes(StandardCharsets.UTF_8);
        ProvisionJob job = new CloudEventCodec()
                .decode(Violations.headers(PROVISION_JOB, json.get("mac").asText()), data, ProvisionJob.class).data();
        assertThat(job.steps().get(9).params().efuseField()).isEqualTo("KEY0");
    }

    @Test
    void theGoldenPlansPutEveryReversibleStepFirst() {
        for (GoldenExamples.Example e : GoldenExamples.of(PROVISION_JOB)) {
            ProvisionJob job = (ProvisionJob) e.message();
            int firstIrreversible = job.steps().stream().filter(JobStep::irreversible).findFirst()
                    .map(JobStep::number).orElseThrow();
            assertThat(job.steps()).filteredOn(s -> s.number() < firstIrreversible)
                    .extracting(JobStep::kind).containsOnly(StepKind.WRITE_FLASH, StepKind.VERIFY_FLASH);
            assertThat(job.steps()).filteredOn(s -> s.number() >= firstIrreversible)
                    .allMatch(JobStep::irreversible);
        }
    }

    private static RuleCase c(String rule, Consumer<ObjectNode> mutation, String pointer, String reason) {
        return new RuleCase(rule, PROVISION_JOB, S3, mutation, pointer, reason);
    }

    private static ArrayNode steps(ObjectNode job) { return (ArrayNode) job.get("steps"); }

    private static ObjectNode step(ObjectNode job, int i) { return (ObjectNode) steps(job).get(i); }

    private static ObjectNode params(ObjectNode job, int i) { return (ObjectNode) step(job, i).get("params"); }

    private static void renumber(ObjectNode job) {
        for (int i = 0; i < steps(job).size(); i++) {
            step(job, i).put("number", i + 1);
        }
    }
}
