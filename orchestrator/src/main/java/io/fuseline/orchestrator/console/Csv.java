package io.fuseline.orchestrator.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Report tables as CSV (RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break quoted). A field
 * that a spreadsheet would run as a formula (starting with {@code = + - @}) gets a leading apostrophe, since station
 * and work-order names come from outside. Pure.
 */
final class Csv {
    private Csv() {
    }

    static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> fields) {
        out.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
