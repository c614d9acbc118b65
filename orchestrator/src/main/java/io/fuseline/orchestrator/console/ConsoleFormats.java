package io.fuseline.orchestrator.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the templates print values: times in UTC to the second (the line and its audit trail run on UTC), percentages
 * with one decimal. {@code {t.utc}} in a template calls {@link #utc}.
 */
@TemplateExtension
final class ConsoleFormats {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ConsoleFormats() {
    }

    static String utc(Instant time) {
        return UTC.format(time);
    }

    /** Date and time in UTC without the zone, for table columns whose heading says UTC. */
    static String stamp(Instant time) {
        return STAMP.format(time);
    }

    /** The time of day in UTC ({@code 08:00:01}), where the date is already on the page. */
    static String clock(Instant time) {
        return CLOCK.format(time);
    }

    /** An instant as the audit filter reads it back (RFC 3339, full precision). */
    static String iso(Instant time) {
        return time.toString();
    }

    static String pct(double percent) {
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }

    /** The first 16 characters of a long id, hash or fingerprint: enough to tell them apart on screen. */
    static String abbrev(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }

    /** A duration in milliseconds as people read it: {@code 500 ms}, {@code 5 s}. */
    static String readable(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
