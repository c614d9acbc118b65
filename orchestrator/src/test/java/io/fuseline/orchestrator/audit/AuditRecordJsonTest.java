package io.fuseline.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit topic's data made from the stored canonical text decodes to exactly the record its fields make. */
class AuditRecordJsonTest {
    private final CloudEventCodec codec = new CloudEventCodec();

    @Test
    void theCanonicalBodyWithItsHashDecodesToTheRecordAndMatchesTheFieldBuiltEvent() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode nested = f.objectNode();
        nested.put("zeta", "last").put("alpha", 1).putArray("list").add("b").add(2).addObject().put("k", "v");
        nested.putNull("nothing");
        List<ObjectNode> payloads = List.of(
                f.objectNode(),
                f.objectNode().put("from", "JOB_ISSUED").put("to", "FLASHING").put("cause", "step.started"),
                f.objectNode().put("quote", "a \"quoted\" \\ back\\slash\nnew line\ttab \u0001 ctl")
                        .put("unicode", "Grüße, 東京, emoji \uD83D\uDE00").put("big", 9_007_199_254_740_993L)
                        .put("negative", -42).put("flag", true),
                f.objectNode().<ObjectNode>set("evidence", nested).put("step", 7));
        long sequence = 41;
        String previous = AuditHash.sha256("record 40");
        for (ObjectNode payload : payloads) {
            for (String subject : List.of("aa:bb:cc:00:11:22", AuditRecord.LINE_SUBJECT)) {
                Instant time = Instant.parse("2026-11-21T22:59:01.123456Z").plusSeconds(sequence);
                String canonical = CanonicalJson.of(AuditHash.body(sequence, previous, "orchestrator",
                        "unit.transition", subject, payload, time));
                String hash = AuditHash.sha256(canonical);
                AuditRecord expected = new AuditRecord(sequence, previous, hash, "orchestrator", "unit.transition",
                        subject, payload, time);

                byte[] data = AuditHash.recordJson(canonical, hash).getBytes(StandardCharsets.UTF_8);
                String mac = MacAddress.isCanonical(subject) ? subject : null;
                EncodedEvent serialized = codec.encodeSerialized(hash, "/fuseline/orchestrator", time, mac,
                        MessageType.of(AuditRecord.class), data);
                CloudEvent<AuditRecord> decoded = codec.decode(serialized.headers(), serialized.data(),
                        AuditRecord.class);
                assertThat(decoded.data()).as(canonical).isEqualTo(expected);
                assertThat(decoded.subject()).isEqualTo(mac);

                // The same headers as the event encoded from the record's fields, and the same JSON value.
                EncodedEvent built = codec.encodeBuilt(CloudEvent.of(hash, "/fuseline/orchestrator", time, expected));
                assertThat(serialized.headers()).containsOnlyKeys(built.headers().keySet());
                built.headers().forEach((k, v) -> assertThat(serialized.headers().get(k)).as(k).isEqualTo(v));
                assertThat(codec.decode(built).data()).isEqualTo(decoded.data());
                previous = hash;
                sequence++;
            }
        }
    }

    @Test
    void refusesWhatIsNotACanonicalBodyOrAHash() {
        String hash = "ab".repeat(32);
        assertThatThrownBy(() -> AuditHash.recordJson("[]", hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHash.recordJson("{}", hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHash.recordJson("{\"a\":1}", "AB".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHash.recordJson("{\"a\":1}", "ab\",\"x\":\"".repeat(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditHash.recordJson("{\"a\":1}", hash)).isEqualTo("{\"recordHash\":\"" + hash + "\",\"a\":1}");
    }
}
