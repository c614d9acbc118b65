package io.fuseline.orchestrator.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.UnitViews.CustodyView;
import io.fuseline.orchestrator.query.UnitViews.FuseBurnView;
import io.fuseline.orchestrator.query.UnitViews.JobView;
import io.fuseline.orchestrator.query.UnitViews.StepView;
import io.fuseline.orchestrator.query.UnitViews.Transition;
import io.fuseline.orchestrator.query.UnitViews.UnitHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A unit's history as one timeline, in the order the orchestrator recorded it (audit sequence): identification, key
 * material by key check value, every step with its evidence, every fuse burned with before and after, quarantines
 * and decisions, the outcome. Each line carries the audit record it comes from. Pure; thread-safe.
 */
final class Timeline {
    /** Transition details shown in the title rather than repeated as details. */
    private static final Set<String> IN_TITLE = Set.of("from", "to", "cause", "reason", "disposition", "quarantineId",
            "keys", "evidence");

    private Timeline() {
    }

    static List<TimelineEntry> of(UnitHistory history, List<AuditRecordView> records) {
        String mac = history.unit().mac();
        Map<Long, AuditRecordView> bySequence = records.stream()
                .collect(Collectors.toMap(AuditRecordView::sequence, Function.identity(), (a, b) -> a));
        List<TimelineEntry> out = new ArrayList<>();
        for (Transition t : history.states()) {
            out.add(transition(mac, t, bySequence.get(t.auditSequence()), history));
        }
        for (JobView job : history.jobs()) {
            for (StepView step : job.steps()) {
                if (!"PENDING".equals(step.status())) {
                    out.add(step(mac, job, step, records));
                }
            }
        }
        for (FuseBurnView burn : history.fuseBurns()) {
            out.add(fuse(mac, burn, records));
        }
        out.sort(Comparator.comparing((TimelineEntry e) -> e.auditSequence() == null ? Long.MAX_VALUE
                : e.auditSequence()).thenComparing(TimelineEntry::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static TimelineEntry transition(String mac, Transition t, AuditRecordView record, UnitHistory history) {
        JsonNode payload = record == null ? null : record.payload();
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("caused by", t.cause()));
        String kind;
        String title;
        switch (t.to()) {
            case "IDENTIFIED" -> {
                kind = "identified";
                title = "Identified: " + history.unit().chip() + " rev " + history.unit().revision()
                        + ("NONE".equals(t.from()) ? "" : " (again, from " + t.from() + ")");
            }
            case "KEYED" -> {
                kind = "keys";
                title = "Key material received";
                String requestId = payload == null ? null : payload.path("requestId").asText(null);
                history.custody().stream().filter(c -> Objects.equals(c.requestId(), requestId))
                        .forEach(c -> details.add(key(c)));
            }
            case "QUARANTINED" -> {
                kind = "quarantine";
                title = "Quarantined: " + text(payload, "reason");
                if (payload != null) {
                    details.addAll(Detail.of(payload.get("evidence")));
                }
            }
            case "RELEASED" -> {
                kind = "decision";
                title = "Released from quarantine: " + text(payload, "disposition") + " by "
                        + (record == null ? "?" : record.actor()) + ": " + text(payload, "reason");
            }
            case "PROVISIONED" -> {
                kind = "outcome";
                title = "Provisioned";
            }
            default -> {
                kind = "state";
                title = t.from() + " → " + t.to();
            }
        }
        if (payload != null) {
            Detail.of(payload).stream().filter(d -> !IN_TITLE.contains(d.name())).forEach(details::add);
        }
        return new TimelineEntry(t.time(), kind, title, details, t.auditSequence(),
                AuditForm.recordHref(mac, t.time(), t.auditSequence()));
    }

    private static Detail key(CustodyView c) {
        return new Detail(c.kind(), "kcv " + c.kcv() + " · " + c.keyId() + " · wrapped for " + c.stationId()
                + " (station key " + ConsoleFormats.abbrev(c.wrappingKeyFingerprint()) + ")");
    }

    private static TimelineEntry step(String mac, JobView job, StepView step, List<AuditRecordView> records) {
        AuditRecordView record = find(records, r -> ("step.completed".equals(r.action())
                || "step.failed".equals(r.action())) && sameStep(r, job.jobId(), step.number()));
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("job", job.jobId() + " on " + job.stationId() + " / " + job.jigId()));
        if (step.durationMillis() != null) {
            details.add(new Detail("duration", step.durationMillis() + " ms"));
        }
        if (step.failureReason() != null) {
            details.add(new Detail("failure", step.failureReason()));
        }
        if (record != null && "step.failed".equals(record.action())) {
            for (String field : List.of("expected", "actual", "detail")) {
                if (record.payload().hasNonNull(field)) {
                    details.add(new Detail(field, record.payload().get(field).asText()));
                }
            }
        }
        details.addAll(Detail.of(step.evidence()));
        String title = "Attempt " + job.attempt() + ", step " + step.number() + " " + step.kind()
                + (step.irreversible() ? " (irreversible)" : "") + ": " + step.status();
        Instant time = record != null ? record.time() : step.finishedAt() != null ? step.finishedAt()
                : step.startedAt();
        return entry(mac, time, "step", title, details, record);
    }

    private static TimelineEntry fuse(String mac, FuseBurnView burn, List<AuditRecordView> records) {
        AuditRecordView record = find(records, r -> "fuse.burned".equals(r.action())
                && sameStep(r, burn.jobId(), burn.step()) && burn.field().equals(r.payload().path("field").asText()));
        List<Detail> details = new ArrayList<>();
        if (burn.kcv() != null) {
            details.add(new Detail("key check value", burn.kcv()));
        } else {
            details.add(new Detail("before", burn.before()));
            details.add(new Detail("after", burn.after()));
        }
        details.add(new Detail("read-protected", Boolean.toString(burn.readProtected())));
        details.add(new Detail("write-protected", Boolean.toString(burn.writeProtected())));
        details.add(new Detail("job", burn.jobId() + " step " + burn.step()));
        return entry(mac, record != null ? record.time() : burn.burnedAt(), "fuse",
                "Burned " + burn.field() + " (block " + burn.block() + ")", details, record);
    }

    private static TimelineEntry entry(String mac, Instant time, String kind, String title, List<Detail> details,
                                       AuditRecordView record) {
        return new TimelineEntry(time, kind, title, details, record == null ? null : record.sequence(),
                record == null ? null : AuditForm.recordHref(mac, record.time(), record.sequence()));
    }

    private static boolean sameStep(AuditRecordView r, String jobId, int step) {
        return jobId.equals(r.payload().path("jobId").asText()) && r.payload().path("step").asInt(-1) == step;
    }

    private static AuditRecordView find(List<AuditRecordView> records, Predicate<AuditRecordView> match) {
        return records.stream().filter(match).findFirst().orElse(null);
    }

    private static String text(JsonNode payload, String field) {
        return payload == null ? "?" : payload.path(field).asText("?");
    }
}
