package io.fuseline.esp.nvs;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line as Python's csv module does by default: commas, double quotes, {@code ""} for a quote. */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> split(String line, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, lineNo, "column " + (fields.size() + 1),
                    "unterminated quote (a quoted field cannot span lines here)");
        }
        fields.add(field.toString());
        return fields;
    }
}
