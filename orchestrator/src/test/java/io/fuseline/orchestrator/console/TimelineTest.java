package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.UnitViews.CustodyView;
import io.fuseline.orchestrator.query.UnitViews.FuseBurnView;
import io.fuseline.orchestrator.query.UnitViews.JobView;
import io.fuseline.orchestrator.query.UnitViews.StepView;
import io.fuseline.orchestrator.query.UnitViews.Transition;
import io.fuseline.orchestrator.query.UnitViews.UnitHistory;
import io.fuseline.orchestrator.query.UnitViews.UnitSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAC = "f4:12:fa:00:00:01";
    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void linesFollowTheChainAndEachLinksToItsAuditRecord() throws Exception {
        List<AuditRecordView> records = List.of(
                record(1, "unit.transition", "{\"from\":\"NONE\",\"to\":\"IDENTIFIED\",\"lot\":\"lot-7\"}"),
                record(2, "unit.transition", "{\"from\":\"IDENTIFIED\",\"to\":\"KEYED\",\"requestId\":\"r-1\"}"),
                record(3, "fuse.burned", "{\"jobId\":\"j-1\",\"step\":2,\"field\":\"SECURE_BOOT_EN\"}"),
                record(4, "step.completed", "{\"jobId\":\"j-1\",\"step\":2}"),
                record(5, "step.failed", "{\"jobId\":\"j-1\",\"step\":3,\"expected\":\"md5 00\",\"actual\":\"md5 ff\"}"));
        UnitHistory history = new UnitHistory(
                new UnitSummary(MAC, "esp32s3", "v0.2", "QUARANTINED", "st-1", "jig-1", "wo-1", "r", "lot-7", T),
                null,
                List.of(new Transition(1, T, "NONE", "IDENTIFIED", "io.fuseline.device.identified.v1"),
                        new Transition(2, T.plusSeconds(1), "IDENTIFIED", "KEYED", "io.fuseline.keymaterial.issued.v1")),
                List.of(new JobView("j-1", 1, "st-1", "jig-1", "FAILED", T, null, List.of(
                        step(1, "PENDING", null), step(2, "COMPLETED", null), step(3, "FAILED", "VERIFY_MISMATCH")))),
                List.of(new FuseBurnView("j-1", 2, 0, "SECURE_BOOT_EN", "0x0", "0x1", null, false, true, T)),
                List.of(new CustodyView("k-fe-1", MAC, "r-1", "FLASH_ENCRYPTION_KEY", null, "3f9a01", "st-1",
                        "ab".repeat(32), T, null, null, null, false, null, "wo-1")),
                List.of(), List.of(1L, 2L, 3L, 4L, 5L));

        List<TimelineEntry> entries = Timeline.of(history, records);

        assertThat(entries).extracting(TimelineEntry::auditSequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries).extracting(TimelineEntry::kind)
                .containsExactly("identified", "keys", "fuse", "step", "step");
        assertThat(entries.get(1).details()).contains(new Detail("FLASH_ENCRYPTION_KEY",
                "kcv 3f9a01 · k-fe-1 · wrapped for st-1 (station key abababababababab…)"));
        assertThat(entries.get(2).details()).contains(new Detail("before", "0x0"), new Detail("after", "0x1"),
                new Detail("write-protected", "true"));
        assertThat(entries.get(4).title()).isEqualTo("Attempt 1, step 3 VERIFY: FAILED");
        assertThat(entries.get(4).details()).contains(new Detail("failure", "VERIFY_MISMATCH"),
                new Detail("expected", "md5 00"), new Detail("actual", "md5 ff"));
        assertThat(entries.get(0).auditHref()).startsWith("/console/audit?from=2026-11-21T08%3A00%3A00Z")
                .endsWith("#seq-1");
    }

    private static StepView step(int n, String status, String failure) {
        return new StepView(n, n == 3 ? "VERIFY" : "WRITE_FLASH", false, status, T, T, 5L, null, failure);
    }

    private static AuditRecordView record(long sequence, String action, String payload) throws Exception {
        JsonNode p = JSON.readTree(payload);
        return new AuditRecordView(sequence, T.plusSeconds(sequence), "orchestrator", action, MAC, p, "h" + sequence,
                "st-1", "wo-1");
    }
}
