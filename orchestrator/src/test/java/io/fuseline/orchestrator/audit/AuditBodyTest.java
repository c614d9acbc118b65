package io.fuseline.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditBodyTest {
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    @Test
    void theSplicedBodyIsTheCanonicalTextOfTheWholeBody() {
        ObjectNode nested = f.objectNode().put("zeta", 1).put("alpha", "a");
        nested.putArray("list").add(3).add("x").addObject().put("b", true).putNull("a");
        List<ObjectNode> payloads = List.of(f.objectNode(),
                f.objectNode().put("to", "FLASHING").put("from", "JOB_ISSUED").put("cause", "step.started"),
                f.objectNode().put("text", "quote \" backslash \\ newline \n tab \t control \u0002 é 東 \uD83D\uDE00")
                        .put("big", Long.MAX_VALUE).put("neg", -1).put("flag", false),
                f.objectNode().<ObjectNode>set("evidence", nested).put("previousHash", "not the chain's")
                        .put("sequence", "neither"),
                // Members that spell exactly what the body's own two look like while it is prepared.
                f.objectNode().put("previousHash", "f".repeat(64)).put("sequence", 0));
        long sequence = 0;
        String previous = AuditHash.GENESIS;
        for (ObjectNode payload : payloads) {
            for (String subject : List.of("aa:bb:cc:00:11:22", "line", "odd \"subject\"")) {
                for (Instant time : List.of(Instant.parse("2026-11-21T23:59:59.123456789Z"),
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-30T12:00:00.100Z"))) {
                    AuditBody body = AuditBody.of("orchestrator", "step.completed", subject, payload, time);
                    String expected = CanonicalJson.of(AuditHash.body(sequence, previous, "orchestrator",
                            "step.completed", subject, payload, body.time()));
                    assertThat(body.canonical(sequence, previous)).isEqualTo(expected);
                    assertThat(body.time()).isEqualTo(time.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                    previous = AuditHash.sha256(expected);
                    sequence = sequence * 7 + 1_000_003;
                }
            }
        }
    }

    @Test
    void refusesWhatCanonicalJsonRefuses() {
        assertThatThrownBy(() -> AuditBody.of("a", "b", "c", f.objectNode().put("x", 1.5), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/payload/x");
    }
}
