package io.fuseline.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.MessageType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AuditChainVerifier verifier = new AuditChainVerifier();

    @Test
    void canonicalJsonSortsMembersAtEveryLevelAndDropsWhitespace() throws Exception {
        JsonNode a = JSON.readTree("{ \"b\": [ {\"z\": 1, \"a\": \"x\\u00e9\\n\"} ], \"a\": true, \"c\": null }");
        JsonNode b = JSON.readTree("{\"c\":null,\"a\":true,\"b\":[{\"a\":\"xé\\n\",\"z\":1}]}");
        assertThat(CanonicalJson.of(a)).isEqualTo("{\"a\":true,\"b\":[{\"a\":\"xé\\n\",\"z\":1}],\"c\":null}")
                .isEqualTo(CanonicalJson.of(b));
        assertThatThrownBy(() -> CanonicalJson.of(JSON.readTree("{\"x\":{\"y\":1.5}}")))
                .hasMessageContaining("/x/y");
    }

    @Test
    void aGenesisRecordFromTheGoldenExampleVerifies() {
        ObjectNode genesis = GoldenExamples.get(MessageType.AUDIT_RECORD, "genesis").copy();
        StoredAuditRecord r = record(0, AuditHash.GENESIS, genesis.get("action").asText(), genesis.get("payload"),
                Instant.parse(genesis.get("time").asText()));
        assertThat(r.recordHash()).hasSize(64);
        assertThat(verifier.verify(List.of(r)).ok()).isTrue();
    }

    @Test
    void anAlteredDeletedOrReorderedRecordIsReportedAtThatRecord() throws Exception {
        List<StoredAuditRecord> chain = chain(5);
        assertThat(verifier.verify(chain).ok()).isTrue();
        assertThat(verifier.verify(chain).recordsChecked()).isEqualTo(5);

        List<StoredAuditRecord> altered = new ArrayList<>(chain);
        StoredAuditRecord r2 = chain.get(2);
        altered.set(2, new StoredAuditRecord(2, r2.previousHash(), r2.recordHash(), r2.actor(), r2.action(),
                r2.subject(), JSON.readTree("{\"n\":99}"), r2.time(), r2.canonicalJson()));
        assertThat(verifier.verify(altered).brokenAt()).hasValue(2);
        assertThat(verifier.verify(altered).problem()).contains("columns differ");

        List<StoredAuditRecord> rewritten = new ArrayList<>(chain);
        rewritten.set(3, new StoredAuditRecord(3, chain.get(3).previousHash(), chain.get(3).recordHash(), "orchestrator",
                "x.y", "line", JSON.readTree("{}"), chain.get(3).time(), chain.get(3).canonicalJson().replace("3", "4")));
        assertThat(verifier.verify(rewritten).brokenAt()).hasValue(3);

        List<StoredAuditRecord> deleted = new ArrayList<>(chain);
        deleted.remove(1);
        assertThat(verifier.verify(deleted).brokenAt()).hasValue(2);
        assertThat(verifier.verify(deleted).problem()).contains("deleted");

        List<StoredAuditRecord> swapped = new ArrayList<>(chain);
        swapped.set(3, renumber(chain.get(4), 3));
        swapped.set(4, renumber(chain.get(3), 4));
        assertThat(verifier.verify(swapped).brokenAt()).hasValue(3);
    }

    private static StoredAuditRecord renumber(StoredAuditRecord r, long sequence) {
        return new StoredAuditRecord(sequence, r.previousHash(), r.recordHash(), r.actor(), r.action(), r.subject(),
                r.payload(), r.time(), r.canonicalJson());
    }

    private static List<StoredAuditRecord> chain(int n) {
        List<StoredAuditRecord> chain = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int i = 0; i < n; i++) {
            StoredAuditRecord r = record(i, previous, "unit.transition", JSON.createObjectNode().put("n", i),
                    Instant.parse("2026-01-01T00:00:00.123456Z").plusSeconds(i));
            chain.add(r);
            previous = r.recordHash();
        }
        return chain;
    }

    private static StoredAuditRecord record(long seq, String previous, String action, JsonNode payload, Instant t) {
        String canonical = CanonicalJson.of(AuditHash.body(seq, previous, "orchestrator", action, "line", payload, t));
        return new StoredAuditRecord(seq, previous, AuditHash.sha256(canonical), "orchestrator", action, "line",
                payload, t, canonical);
    }
}
