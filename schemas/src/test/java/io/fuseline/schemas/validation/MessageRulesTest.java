package io.fuseline.schemas.validation;

import static io.fuseline.schemas.MessageType.AUDIT_RECORD;
import static io.fuseline.schemas.MessageType.CHECKPOINT_REQUESTED;
import static io.fuseline.schemas.MessageType.CHECKPOINT_SIGNED;
import static io.fuseline.schemas.MessageType.DEVICE_DETACHED;
import static io.fuseline.schemas.MessageType.DEVICE_IDENTIFIED;
import static io.fuseline.schemas.MessageType.DEVICE_PROVISIONED;
import static io.fuseline.schemas.MessageType.FUSE_BURNED;
import static io.fuseline.schemas.MessageType.KEY_MATERIAL_ISSUED;
import static io.fuseline.schemas.MessageType.KEY_MATERIAL_REQUESTED;
import static io.fuseline.schemas.MessageType.QUARANTINE_ORDERED;
import static io.fuseline.schemas.MessageType.QUARANTINE_RELEASED;
import static io.fuseline.schemas.MessageType.STATION_HEARTBEAT;
import static io.fuseline.schemas.MessageType.STEP_COMPLETED;
import static io.fuseline.schemas.MessageType.STEP_FAILED;
import static io.fuseline.schemas.MessageType.STEP_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.MessageType;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per rule of every message validator except ProvisionJob's (see {@link ProvisionJobRulesTest}). */
class MessageRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                c("multicast MAC", DEVICE_IDENTIFIED, "esp32s3-blank", j -> j.put("mac", "f5:12:fa:43:6e:10"),
                        "/mac", "multicast"),
                c("all-zero MAC", DEVICE_IDENTIFIED, "esp32s3-blank", j -> j.put("mac", "00:00:00:00:00:00"),
                        "/mac", "all-zero"),
                c("ESP32 MAC CRC mismatch", DEVICE_IDENTIFIED, "esp32-blank", j -> j.put("macCrc", 17),
                        "/macCrc", "CRC-8"),
                c("ESP32 MAC CRC missing", DEVICE_IDENTIFIED, "esp32-blank", j -> j.remove("macCrc"),
                        "/macCrc", "required"),
                c("MAC CRC on an S3", DEVICE_IDENTIFIED, "esp32s3-blank", j -> j.put("macCrc", 1),
                        "/macCrc", "only the esp32"),
                c("security info from an ESP32", DEVICE_IDENTIFIED, "esp32-blank",
                        j -> j.set("securityInfo", obj("{\"flags\":0,\"flashCryptCnt\":0,\"keyPurposes\":[]}")),
                        "/securityInfo", "no security info"),
                c("flash size not a power of two", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> j.put("flashSizeBytes", 3 * 1024 * 1024), "/flashSizeBytes", "power of two"),
                c("eFuse name not in the chip's catalog", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> ((ObjectNode) j.get("efuseSummary")).put("FLASH_CRYPT_CNT", 0),
                        "/efuseSummary/FLASH_CRYPT_CNT", "not an eFuse field of esp32s3"),
                c("eFuse text value not hex", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> ((ObjectNode) j.get("efuseSummary")).put("WR_DIS", "zero"),
                        "/efuseSummary/WR_DIS", "hex"),
                c("key block that is no key block", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> keyBlock(j, 0).put("block", "MAC"), "/keyBlocks/0/block", "not a key block"),
                c("key block of another chip", DEVICE_IDENTIFIED, "esp32-blank",
                        j -> keyBlock(j, 0).put("block", "BLOCK_KEY0"), "/keyBlocks/0/block",
                        "not an eFuse field of esp32"),
                c("key block listed twice (alias)", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> keyBlock(j, 1).put("block", "KEY0"), "/keyBlocks/1/block", "more than once"),
                c("key purpose not on the chip", DEVICE_IDENTIFIED, "esp32s3-blank",
                        j -> keyBlock(j, 0).put("purpose", "ESP32_FLASH_ENCRYPTION"), "/keyBlocks/0/purpose",
                        "not available on esp32s3"),

                c("left during a job but never identified", DEVICE_DETACHED, "never-identified",
                        j -> j.put("duringJob", true), "/mac", "during a job"),

                c("fingerprint is no SHA-256", STATION_HEARTBEAT, "three-jigs",
                        j -> j.put("enrolledKeyFingerprint", "abc123"), "/enrolledKeyFingerprint", "pattern"),
                c("jig listed twice", STATION_HEARTBEAT, "three-jigs", j -> jig(j, 1).put("jigId", "jig-1"),
                        "/jigs/1/jigId", "twice"),
                c("busy jig without job", STATION_HEARTBEAT, "three-jigs", j -> jig(j, 2).remove("jobId"),
                        "/jigs/2/jobId", "BUSY"),
                c("empty jig with a unit", STATION_HEARTBEAT, "three-jigs",
                        j -> jig(j, 1).put("mac", "f4:12:fa:00:00:01"), "/jigs/1/mac", "EMPTY"),
                c("one unit on two jigs", STATION_HEARTBEAT, "three-jigs",
                        j -> jig(j, 2).put("mac", "24:0a:c4:12:34:56"), "/jigs/2/mac", "two jigs"),

                c("flash-written secret with a purpose", KEY_MATERIAL_REQUESTED, "esp32s3",
                        j -> secret(j, 1).put("purpose", "USER"), "/secrets/1/purpose", "takes no key purpose"),
                c("burned secret without a purpose", KEY_MATERIAL_REQUESTED, "esp32s3",
                        j -> secret(j, 0).remove("purpose"), "/secrets/0/purpose", "needs a key purpose"),
                c("flash key with an HMAC purpose", KEY_MATERIAL_REQUESTED, "esp32s3",
                        j -> secret(j, 0).put("purpose", "HMAC_UP"), "/secrets/0/purpose", "does not fit"),
                c("XTS-AES-256 on an ESP32-C3", KEY_MATERIAL_REQUESTED, "esp32s3", j -> {
                    j.put("chip", "esp32c3");
                    secret(j, 0).put("purpose", "XTS_AES_256_KEY_1");
                }, "/secrets/0/purpose", "not available on esp32c3"),
                c("half an XTS-AES-256 key", KEY_MATERIAL_REQUESTED, "esp32s3",
                        j -> secret(j, 0).put("purpose", "XTS_AES_256_KEY_1"), "/secrets", "both or neither"),
                c("purpose requested twice", KEY_MATERIAL_REQUESTED, "esp32s3",
                        j -> ((ArrayNode) j.get("secrets")).add(obj(
                                "{\"kind\":\"FLASH_ENCRYPTION_KEY\",\"purpose\":\"XTS_AES_128_KEY\"}")),
                        "/secrets", "more than once"),

                c("envelope too short to be wrapped", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> wrapped(j, 0).put("envelope", Base64.getEncoder().encodeToString(new byte[32])),
                        "/wrappedKeys/0/envelope", "plaintext keys never travel"),
                c("envelope not base64", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> wrapped(j, 0).put("envelope", "abcde"), "/wrappedKeys/0/envelope", "base64"),
                c("key id twice", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> wrapped(j, 1).put("keyId", "k-fe-0001"), "/wrappedKeys/1/keyId", "more than once"),
                c("private key in the certificate field", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> j.put("certificatePem", "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(64)
                                + "\n-----END PRIVATE KEY-----"), "/certificatePem", "private key"),
                c("identity key without certificate", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> j.remove("certificatePem"), "/certificatePem", "DEVICE_IDENTITY_KEY"),
                c("not a PEM certificate", KEY_MATERIAL_ISSUED, "esp32s3",
                        j -> j.put("certificatePem", "x".repeat(80)), "/certificatePem", "PEM"),

                c("multicast MAC on a step", STEP_STARTED, "burn-key", j -> j.put("mac", "ff:ff:ff:ff:ff:ff"),
                        "/mac", "multicast"),
                c("completed without evidence", STEP_COMPLETED, "verify-app", j -> j.set("evidence", obj("{}")),
                        "/evidence", "what it verified"),
                c("retriable flag contradicts the reason", STEP_FAILED, "serial-timeout",
                        j -> j.put("retriable", false), "/retriable", "must be true for SERIAL_TIMEOUT"),
                c("mismatch without the actual value", STEP_FAILED, "verify-mismatch", j -> j.remove("actual"),
                        "/actual", "required for VERIFY_MISMATCH"),
                c("unknown failure reason", STEP_FAILED, "serial-timeout", j -> j.put("reason", "COSMIC_RAY"),
                        "/reason", "enum"),

                c("field in another block", FUSE_BURNED, "spi-boot-crypt-cnt", j -> j.put("block", 2),
                        "/block", "is in block 0"),
                c("field not on the chip", FUSE_BURNED, "spi-boot-crypt-cnt", j -> j.put("field", "ABS_DONE_1"),
                        "/field", "not an eFuse field of esp32s3"),
                c("bits cleared by a burn", FUSE_BURNED, "spi-boot-crypt-cnt", j -> {
                    j.put("before", "0x7");
                    j.put("after", "0x3");
                }, "/after", "0 to 1"),
                c("value wider than the field", FUSE_BURNED, "spi-boot-crypt-cnt", j -> j.put("after", "0xf"),
                        "/after", "3 bits"),
                c("kcv on a plain field", FUSE_BURNED, "spi-boot-crypt-cnt", j -> j.put("kcv", "aabbcc"),
                        "/kcv", "only key blocks"),
                c("plain field without before", FUSE_BURNED, "spi-boot-crypt-cnt", j -> j.remove("before"),
                        "/before", "required"),
                c("key block content reported", FUSE_BURNED, "key-block", j -> j.put("after", "0x1"),
                        "/after", "never reported"),
                c("key block without kcv", FUSE_BURNED, "key-block", j -> j.remove("kcv"), "/kcv", "required"),

                c("audit head is no SHA-256", DEVICE_PROVISIONED, "esp32s3", j -> j.put("auditHead", "ABC"),
                        "/auditHead", "pattern"),

                c("failure after irreversible step without saying so", QUARANTINE_ORDERED, "after-irreversible",
                        j -> j.put("irreversibleStepsDone", false), "/irreversibleStepsDone", "must be true"),
                c("failed step without job", QUARANTINE_ORDERED, "duplicate-mac", j -> j.put("failedStep", 3),
                        "/jobId", "failedStep"),
                c("retries exhausted without job", QUARANTINE_ORDERED, "duplicate-mac",
                        j -> j.put("reason", "RETRIES_EXHAUSTED"), "/jobId", "RETRIES_EXHAUSTED"),
                c("no evidence", QUARANTINE_ORDERED, "duplicate-mac", j -> j.set("evidence", obj("{}")),
                        "/evidence", "1"),

                c("blank release reason", QUARANTINE_RELEASED, "rework", j -> j.put("reason", "   "),
                        "/reason", "reason"),
                c("unknown disposition", QUARANTINE_RELEASED, "rework", j -> j.put("disposition", "SELL"),
                        "/disposition", "enum"),

                c("genesis record with a previous hash", AUDIT_RECORD, "genesis",
                        j -> j.put("previousHash", "1".repeat(64)), "/previousHash", "record 0"),
                c("later record claiming genesis", AUDIT_RECORD, "key-wrapped",
                        j -> j.put("previousHash", "0".repeat(64)), "/previousHash", "record 0"),
                c("record chained to itself", AUDIT_RECORD, "key-wrapped",
                        j -> j.put("recordHash", j.get("previousHash").asText()), "/recordHash", "differ"),
                c("subject neither MAC nor line", AUDIT_RECORD, "genesis", j -> j.put("subject", "station"),
                        "/subject", ""),
                c("multicast subject", AUDIT_RECORD, "key-wrapped", j -> j.put("subject", "01:00:5e:00:00:01"),
                        "/subject", "multicast"),
                c("time that is no RFC 3339 date-time", AUDIT_RECORD, "genesis", j -> j.put("time", "yesterday"),
                        "/time", "date-time"),

                c("checkpoint of a negative record", CHECKPOINT_REQUESTED, "at-record-1041",
                        j -> j.put("sequence", -1), "/sequence", "minimum"),
                c("checkpoint hash in upper case", CHECKPOINT_REQUESTED, "at-record-1041",
                        j -> j.put("recordHash", j.get("recordHash").asText().toUpperCase()), "/recordHash",
                        "pattern"),
                c("checkpoint signed with another algorithm", CHECKPOINT_SIGNED, "at-record-1041",
                        j -> j.put("algorithm", "SHA256withRSA"), "/algorithm", "constant"),
                c("checkpoint signature in P1363 form, not DER", CHECKPOINT_SIGNED, "at-record-1041",
                        j -> j.put("signature", Base64.getEncoder().encodeToString(new byte[64])), "/signature",
                        "DER"),
                c("checkpoint signature not base64", CHECKPOINT_SIGNED, "at-record-1041",
                        j -> j.put("signature", "abcdefghijklm"), "/signature", "base64"),
                c("checkpoint key fingerprint no SHA-256", CHECKPOINT_SIGNED, "at-record-1041",
                        j -> j.put("publicKeyFingerprint", "89b6dbdf"), "/publicKeyFingerprint", "pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleNamesTheFieldInTheError(RuleCase rc) {
        ContractViolation v = Violations.of(rc.type(), rc.example(), rc.mutation());

        assertThat(v.ceType()).isEqualTo(rc.type().type());
        assertThat(v.pointer()).isEqualTo(rc.pointer());
        assertThat(v.reason()).contains(rc.reasonFragment());
        assertThat(v.getMessage()).contains(rc.type().type(), rc.pointer(), v.reason());
    }

    private static RuleCase c(String rule, MessageType type, String example, Consumer<ObjectNode> mutation,
                              String pointer, String reason) {
        return new RuleCase(rule, type, example, mutation, pointer, reason);
    }

    static ObjectNode obj(String json) {
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static ObjectNode keyBlock(ObjectNode j, int i) { return (ObjectNode) j.get("keyBlocks").get(i); }

    private static ObjectNode jig(ObjectNode j, int i) { return (ObjectNode) j.get("jigs").get(i); }

    private static ObjectNode secret(ObjectNode j, int i) { return (ObjectNode) j.get("secrets").get(i); }

    private static ObjectNode wrapped(ObjectNode j, int i) { return (ObjectNode) j.get("wrappedKeys").get(i); }
}
