package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.orchestrator.query.AuditSearch;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFormTest {

    @Test
    void timesAreReadAsUtcInTheFormsPeopleType() {
        assertThat(AuditForm.time("2026-11-21", "From")).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(AuditForm.time("2026-11-21T08:30", "From")).isEqualTo(Instant.parse("2026-11-21T08:30:00Z"));
        assertThat(AuditForm.time("2026-11-21T08:30:00.000001Z", "From"))
                .isEqualTo(Instant.parse("2026-11-21T08:30:00.000001Z"));
        assertThat(AuditForm.time("2026-11-21T10:30:00+02:00", "From")).isEqualTo(Instant.parse("2026-11-21T08:30:00Z"));
        assertThatThrownBy(() -> AuditForm.time("yesterday", "From")).hasMessageContaining("From must be a UTC time");
    }

    @Test
    void blankFieldsDoNotFilterAndTheQueryStringCarriesTheRest() {
        AuditForm form = new AuditForm(" ", "2026-11-22", "st 1", "", "F412FA000001", "step.failed", null, 2);
        AuditSearch search = form.search(50);
        assertThat(search.from()).isNull();
        assertThat(search.mac()).isEqualTo("f4:12:fa:00:00:01");
        assertThat(search.station()).isEqualTo("st 1");
        assertThat(search.workOrder()).isNull();
        assertThat(form.query()).isEqualTo("to=2026-11-22&station=st+1&mac=F412FA000001&action=step.failed&page=2");
        assertThat(form.onlyTimeRange()).isFalse();
        assertThat(new AuditForm("2026-11-21", null, null, null, null, null, null, 0).onlyTimeRange()).isTrue();
    }

    @Test
    void aRecordLinkSelectsTheMicrosecondOfItsRecordAndMarksIt() {
        assertThat(AuditForm.recordHref("f4:12:fa:00:00:01", Instant.parse("2026-11-21T08:00:00.000005Z"), 42))
                .isEqualTo("/console/audit?from=2026-11-21T08%3A00%3A00.000005Z&to=2026-11-21T08%3A00%3A00.000006Z"
                        + "&mac=f4%3A12%3Afa%3A00%3A00%3A01#seq-42");
    }
}
