package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.AuditSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit page's filter as typed: times in UTC as {@code 2026-11-21}, {@code 2026-11-21T08:00} or full RFC 3339,
 * station, work order, unit, event type (the record's action), outcome (the unit's state now), page. Blank fields
 * do not filter. The same filter drives the table, the pages and the export.
 */
public record AuditForm(String from, String to, String station, String workOrder, String mac, String action,
                        String outcome, int page) {

    public AuditForm {
        from = blankToNull(from);
        to = blankToNull(to);
        station = blankToNull(station);
        workOrder = blankToNull(workOrder);
        mac = blankToNull(mac);
        action = blankToNull(action);
        outcome = blankToNull(outcome);
        page = Math.max(0, page);
    }

    /**
     * The search for one page of {@code size} records.
     *
     * @throws IllegalArgumentException with a message for the page when a field does not parse
     */
    AuditSearch search(int size) {
        String canonicalMac = mac == null ? null : new UnitSearch(UnitSearch.By.MAC, mac).mac();
        return new AuditSearch(time(from, "From"), time(to, "To"), station, workOrder, canonicalMac, action, null,
                outcome, null, page, size);
    }

    /** Whether only the time range filters (then an export is exactly that range). */
    boolean onlyTimeRange() {
        return station == null && workOrder == null && mac == null && action == null && outcome == null;
    }

    AuditForm atPage(int newPage) {
        return new AuditForm(from, to, station, workOrder, mac, action, outcome, newPage);
    }

    /** This filter as a query string (without the page when it is 0), for links. */
    public String query() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("station", station);
        p.put("workOrder", workOrder);
        p.put("mac", mac);
        p.put("action", action);
        p.put("outcome", outcome);
        p.put("page", page == 0 ? null : Integer.toString(page));
        return p.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The audit page showing the records written with one unit's record at {@code time}, that record marked. */
    static String recordHref(String mac, Instant time, long sequence) {
        AuditForm around = new AuditForm(time.toString(), time.plus(1, ChronoUnit.MICROS).toString(), null, null, mac,
                null, null, 0);
        return ConsolePage.AUDIT.path() + "?" + around.query() + "#seq-" + sequence;
    }

    static Instant time(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a UTC time such as 2026-11-21, 2026-11-21T08:00 or "
                    + "2026-11-21T08:00:00Z; '" + text + "' is not one.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
