package io.fuseline.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.ContractViolation.Kind;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.DeviceAttached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.StationHeartbeat;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.validation.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {
    private final CloudEventCodec codec = new CloudEventCodec();
    private final DeviceIdentified identified = GoldenExamples.message(DeviceIdentified.class, "esp32s3-blank");

    @Test
    void writesBinaryModeHeadersWithTheMacAsSubject() {
        CloudEvent<DeviceIdentified> event = CloudEvent.of("evt-42", "/station-agent/st-01",
                Instant.parse("2025-03-01T08:15:30Z"), identified);

        EncodedEvent encoded = codec.encode(event);

        assertThat(encoded.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(encoded.header(CloudEventHeaders.ID)).isEqualTo("evt-42");
        assertThat(encoded.header(CloudEventHeaders.SOURCE)).isEqualTo("/station-agent/st-01");
        assertThat(encoded.header(CloudEventHeaders.TYPE)).isEqualTo("io.fuseline.device.identified.v1");
        assertThat(encoded.header(CloudEventHeaders.TIME)).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(encoded.header(CloudEventHeaders.SUBJECT)).isEqualTo("f4:12:fa:43:6e:10");
        assertThat(encoded.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(encoded.header(CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("https://schemas.fuseline.io/v1/device.identified.json");
        assertThat(new String(encoded.data(), StandardCharsets.UTF_8)).contains("\"chip\":\"esp32s3\"");
    }

    @Test
    void aMessageWithoutMacHasNoSubject() {
        DeviceAttached attached = GoldenExamples.message(DeviceAttached.class, "esp32-cp2102");
        EncodedEvent encoded = codec.encode(CloudEvent.of("/station-agent/st-01", attached));
        assertThat(encoded.headers()).doesNotContainKey(CloudEventHeaders.SUBJECT);
        assertThat(codec.decode(encoded).data()).isEqualTo(attached);
    }

    @Test
    void decodesToTheExpectedTypeOrRefuses() {
        EncodedEvent encoded = codec.encode(CloudEvent.of("/station-agent/st-01", identified));

        CloudEvent<DeviceIdentified> typed = codec.decode(encoded.headers(), encoded.data(), DeviceIdentified.class);
        assertThat(typed.data()).isEqualTo(identified);

        ContractViolation v = catchThrowableOfType(ContractViolation.class,
                () -> codec.decode(encoded.headers(), encoded.data(), StepFailed.class));
        assertThat(v.kind()).isEqualTo(Kind.UNEXPECTED_TYPE);
        assertThat(v.getMessage()).contains("io.fuseline.step.failed.v1");
    }

    @Test
    void anUnknownTypeIsAContractViolationNamingIt() {
        EncodedEvent encoded = codec.encode(CloudEvent.of("/station-agent/st-01", identified));
        Map<String, byte[]> headers = new HashMap<>(encoded.headers());
        headers.put(CloudEventHeaders.TYPE, "io.fuseline.device.teleported.v1".getBytes(StandardCharsets.UTF_8));

        ContractViolation v = catchThrowableOfType(ContractViolation.class,
                () -> codec.decode(headers, encoded.data()));

        assertThat(v.kind()).isEqualTo(Kind.UNKNOWN_TYPE);
        assertThat(v.ceType()).isEqualTo("io.fuseline.device.teleported.v1");
        assertThat(v.pointer()).isEqualTo("ce_type");
        assertThat(v.getMessage()).contains("io.fuseline.device.teleported.v1", "ce_type", "not a registered");
    }

    @Test
    void refusesMissingOrWrongHeaders() {
        EncodedEvent encoded = codec.encode(CloudEvent.of("/station-agent/st-01", identified));
        assertHeaderRefused(encoded, CloudEventHeaders.TYPE, null, Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.ID, null, Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.SOURCE, "", Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.SPEC_VERSION, "0.3", Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.CONTENT_TYPE, "application/avro", Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.TIME, "yesterday", Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.SUBJECT, "f4:12:fa:43:6e:11", Kind.HEADER);
        assertHeaderRefused(encoded, CloudEventHeaders.SUBJECT, null, Kind.HEADER);
    }

    @Test
    void toleratesACharsetOnTheContentType() {
        EncodedEvent encoded = codec.encode(CloudEvent.of("/station-agent/st-01", identified));
        Map<String, byte[]> headers = new HashMap<>(encoded.headers());
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
        assertThat(codec.decode(headers, encoded.data()).data()).isEqualTo(identified);
    }

    @Test
    void badJsonIsAViolationThatQuotesNoPayload() {
        Map<String, byte[]> headers = Violations.headers(MessageType.DEVICE_IDENTIFIED, "f4:12:fa:43:6e:10");
        byte[] data = "{\"stationId\": \"secret-looking-text\" ".getBytes(StandardCharsets.UTF_8);

        ContractViolation v = catchThrowableOfType(ContractViolation.class, () -> codec.decode(headers, data));

        assertThat(v.kind()).isEqualTo(Kind.MALFORMED_JSON);
        assertThat(v.getMessage()).doesNotContain("secret-looking-text");
        assertThat(catchThrowableOfType(ContractViolation.class, () -> codec.decode(headers, new byte[0])).kind())
                .isEqualTo(Kind.MALFORMED_JSON);
    }

    @Test
    void duplicateMembersAreRefused() {
        Map<String, byte[]> headers = Violations.headers(MessageType.DEVICE_ATTACHED, null);
        byte[] data = ("{\"stationId\":\"st-01\",\"stationId\":\"st-02\",\"jigId\":\"j\",\"port\":\"p\","
                + "\"usbVendorId\":1,\"usbProductId\":2}").getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(ContractViolation.class, () -> codec.decode(headers, data)).kind())
                .isEqualTo(Kind.MALFORMED_JSON);
    }

    @Test
    void schemaViolationsNameTheField() {
        ContractViolation missing = Violations.of(MessageType.DEVICE_IDENTIFIED, "esp32s3-blank", j -> j.remove("chip"));
        assertThat(missing.kind()).isEqualTo(Kind.SCHEMA);
        assertThat(missing.pointer()).isEqualTo("/chip");
        assertThat(missing.getMessage()).startsWith("FLS-104 io.fuseline.device.identified.v1 /chip: ");

        ContractViolation extra = Violations.of(MessageType.KEY_MATERIAL_ISSUED, "esp32s3",
                j -> j.put("plaintextKey", "00112233"));
        assertThat(extra.pointer()).isEqualTo("/plaintextKey");

        ContractViolation badChip = Violations.of(MessageType.DEVICE_IDENTIFIED, "esp32s3-blank",
                j -> j.put("chip", "esp8266"));
        assertThat(badChip.pointer()).isEqualTo("/chip");

        ContractViolation badMac = Violations.of(MessageType.STEP_FAILED, "serial-timeout",
                j -> j.put("mac", "F4-12-FA-43-6E-10"));
        assertThat(badMac.pointer()).isEqualTo("/mac");
    }

    @Test
    void anOversizedRecordIsRefusedBothWays() {
        CloudEventCodec small = new CloudEventCodec(200);
        CloudEvent<DeviceIdentified> event = CloudEvent.of("/station-agent/st-01", identified);

        ContractViolation out = catchThrowableOfType(ContractViolation.class, () -> small.encode(event));
        assertThat(out.kind()).isEqualTo(Kind.OVERSIZED);
        assertThat(out.reason()).startsWith("oversized").contains("limit of 200 bytes");

        EncodedEvent encoded = codec.encode(event);
        ContractViolation in = catchThrowableOfType(ContractViolation.class, () -> small.decode(encoded));
        assertThat(in.kind()).isEqualTo(Kind.OVERSIZED);
        assertThat(in.reason()).contains(encoded.data().length + " bytes", "200 bytes");
        assertThat(CloudEventCodec.DEFAULT_MAX_ENCODED_BYTES).isEqualTo(256 * 1024);
        assertThat(new CloudEventCodec().maxEncodedBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void encodingAnInvalidRecordFailsBeforeAnythingIsWritten() {
        StationHeartbeat hb = GoldenExamples.message(StationHeartbeat.class, "three-jigs");
        StationHeartbeat bad = new StationHeartbeat(hb.stationId(), hb.softwareVersion(), "abc", hb.uptimeSeconds(),
                hb.jigs());
        ContractViolation v = catchThrowableOfType(ContractViolation.class,
                () -> codec.encode(CloudEvent.of("/x", bad)));
        assertThat(v.pointer()).isEqualTo("/enrolledKeyFingerprint");
    }

    @Test
    void encodeBuiltDecodesLikeEncode() {
        // Every golden example of every type: the unchecked path writes exactly what the checked one writes, and the
        // result passes the validating decode (schema included).
        for (GoldenExamples.Example example : GoldenExamples.all()) {
            CloudEvent<FuselineMessage> event = CloudEvent.of("evt-" + example.name(), "/fuseline/orchestrator",
                    Instant.parse("2025-03-01T08:15:30Z"), example.message());
            EncodedEvent checked = codec.encode(event);
            EncodedEvent built = codec.encodeBuilt(event);
            assertThat(built.data()).as(example.toString()).isEqualTo(checked.data());
            assertThat(built.headers()).as(example.toString()).containsOnlyKeys(checked.headers().keySet());
            checked.headers().forEach((k, v) -> assertThat(built.headers().get(k)).as(example + " " + k).isEqualTo(v));
            assertThat(codec.decode(built).data()).as(example.toString()).isEqualTo(example.message());
        }
    }

    @Test
    void encodeSerializedWrapsTheGivenDataInTheSameEnvelopeAsEncodeBuilt() {
        // Every golden example: given the bytes encodeBuilt writes, the envelope is header for header the same and
        // the data is passed through untouched (no parse, no re-serialisation), so it decodes to the same message.
        for (GoldenExamples.Example example : GoldenExamples.all()) {
            CloudEvent<FuselineMessage> event = CloudEvent.of("evt-" + example.name(), "/fuseline/orchestrator",
                    Instant.parse("2025-03-01T08:15:30.123456Z"), example.message());
            EncodedEvent built = codec.encodeBuilt(event);
            EncodedEvent serialized = codec.encodeSerialized(event.id(), event.source(), event.time(),
                    event.subject(), event.messageType(), built.data());
            assertThat(serialized.data()).as(example.toString()).isSameAs(built.data());
            assertThat(serialized.headers()).as(example.toString()).containsOnlyKeys(built.headers().keySet());
            built.headers().forEach((k, v) -> assertThat(serialized.headers().get(k)).as(example + " " + k)
                    .isEqualTo(v));
            assertThat(codec.decode(serialized).data()).as(example.toString()).isEqualTo(example.message());
        }
    }

    @Test
    void encodeSerializedChecksOnlyTheSize() {
        byte[] notEvenJson = "{\"sequence\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EncodedEvent wrapped = codec.encodeSerialized("id-1", "/x", Instant.parse("2025-03-01T08:15:30Z"), null,
                MessageType.of(DeviceIdentified.class), notEvenJson);
        assertThat(wrapped.data()).isSameAs(notEvenJson);
        // ...which is why only producers' own serialised records may go this way: the consumer's decode refuses it.
        assertThat(catchThrowableOfType(ContractViolation.class, () -> codec.decode(wrapped)).kind())
                .isEqualTo(Kind.MALFORMED_JSON);
        assertThat(catchThrowableOfType(ContractViolation.class, () -> new CloudEventCodec(5).encodeSerialized(
                "id-1", "/x", Instant.EPOCH, null, MessageType.of(DeviceIdentified.class), notEvenJson)).kind())
                .isEqualTo(Kind.OVERSIZED);
    }

    @Test
    void encodeBuiltStillAppliesTheRulesAndTheLimit() {
        StationHeartbeat hb = GoldenExamples.message(StationHeartbeat.class, "three-jigs");
        CloudEvent<DeviceIdentified> event = CloudEvent.of("/station-agent/st-01", identified);
        assertThat(catchThrowableOfType(ContractViolation.class,
                () -> new CloudEventCodec(200).encodeBuilt(event)).kind()).isEqualTo(Kind.OVERSIZED);
        assertThat(codec.encodeBuilt(CloudEvent.of("/x", hb)).data()).isEqualTo(codec.encode(CloudEvent.of("/x", hb))
                .data());
    }

    @Test
    void theEnvelopeRefusesASubjectThatIsNotTheMac() {
        assertThatThrownBy(() -> new CloudEvent<FuselineMessage>("id", "/s", Instant.now(), "line", identified))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CloudEvent.of("/s", identified).subject()).isEqualTo(identified.mac().toString());
        assertThat(CloudEvent.of("/s", identified).type()).isEqualTo("io.fuseline.device.identified.v1");
    }

    @Test
    void noHeadersAtAll() {
        assertThat(catchThrowableOfType(ContractViolation.class,
                () -> codec.decode(Collections.emptyMap(), new byte[] {'{', '}'})).kind()).isEqualTo(Kind.HEADER);
    }

    private void assertHeaderRefused(EncodedEvent encoded, String header, String value, Kind kind) {
        Map<String, byte[]> headers = new HashMap<>(encoded.headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value.getBytes(StandardCharsets.UTF_8));
        }
        ContractViolation v = catchThrowableOfType(ContractViolation.class,
                () -> codec.decode(headers, encoded.data()));
        assertThat(v).as(header + "=" + value).isNotNull();
        assertThat(v.kind()).isEqualTo(kind);
        assertThat(v.pointer()).isEqualTo(header);
    }
}
