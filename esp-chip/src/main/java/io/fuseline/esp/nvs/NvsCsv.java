package io.fuseline.esp.nvs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the CSV that ESP-IDF's {@code nvs_partition_gen.py} takes: a header line naming the columns
 * {@code key,type,encoding,value} (any order), then one row per line. Lines starting with {@code #} and blank
 * lines are skipped; a UTF-8 BOM is ignored; fields may be double-quoted ({@code ""} for a quote) but may not
 * span lines. {@code type} is {@code namespace}, {@code data} or {@code file}; {@code encoding} is one of
 * {@link NvsEncoding} (case-insensitive). {@code data} values are decoded here, so a bad value fails with its
 * line; {@code file} rows keep their path for the generator's resolver. Key, type and encoding are stripped of
 * surrounding blanks, values are taken as written (integers and hex ignore surrounding blanks, as the tool does).
 */
public final class NvsCsv {
    /** Namespace indexes are one byte and 255 means "any" on the device, so 254 is the most a partition holds. */
    public static final int MAX_NAMESPACES = 254;

    private NvsCsv() {
    }

    /**
     * The rows of {@code csvText}, in order.
     *
     * @throws NvsException with an {@link NvsProblem.InputError} naming the line and column of the first bad row
     */
    public static List<NvsEntrySpec> parse(String csvText) {
        String[] lines = csvText.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        List<NvsEntrySpec> rows = new ArrayList<>();
        Set<String> namespaces = new HashSet<>();
        Columns columns = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            List<String> fields = CsvLine.split(lines[i], lineNo);
            if (columns == null) {
                columns = Columns.of(fields, lineNo);
                continue;
            }
            rows.add(row(columns, fields, lineNo, namespaces));
        }
        return List.copyOf(rows);
    }

    private static NvsEntrySpec row(Columns c, List<String> fields, int line, Set<String> namespaces) {
        String key = c.get(fields, c.key).strip();
        String type = c.get(fields, c.type).strip().toLowerCase(Locale.ROOT);
        String problem = NvsEntry.nameProblem(key);
        if (problem != null) {
            throw NvsException.input(key.isEmpty() ? NvsProblem.Reason.INVALID_VALUE : NvsProblem.Reason.KEY_TOO_LONG,
                    line, "key", problem);
        }
        switch (type) {
            case "namespace" -> {
                if (!namespaces.contains(key) && namespaces.size() == MAX_NAMESPACES) {
                    throw NvsException.input(NvsProblem.Reason.TOO_MANY_NAMESPACES, line, "key", "namespace '" + key
                            + "' would be number " + (MAX_NAMESPACES + 1) + ", at most " + MAX_NAMESPACES + " fit");
                }
                namespaces.add(key);
                return new NvsEntrySpec.Namespace(line, key);
            }
            case "data", "file" -> {
                if (namespaces.isEmpty()) {
                    throw NvsException.input(NvsProblem.Reason.NO_NAMESPACE, line, "type",
                            "'" + key + "' comes before the first namespace row");
                }
                String encodingText = c.get(fields, c.encoding);
                NvsEncoding encoding = NvsEncoding.byName(encodingText);
                if (encoding == null) {
                    throw NvsException.input(NvsProblem.Reason.UNKNOWN_ENCODING, line, "encoding", "unknown encoding '"
                            + encodingText.strip() + "', expected u8, i8, u16, i16, u32, i32, u64, i64, string, "
                            + "hex2bin, base64 or binary");
                }
                String value = c.get(fields, c.value);
                if (type.equals("data")) {
                    return new NvsEntrySpec.Data(line, key, NvsValues.decode(encoding, value, line));
                }
                if (value.isBlank()) {
                    throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, "value", "a file row needs a path");
                }
                return new NvsEntrySpec.File(line, key, encoding, value.strip());
            }
            default -> throw NvsException.input(NvsProblem.Reason.UNKNOWN_TYPE, line, "type",
                    "unknown type '" + type + "', expected namespace, data or file");
        }
    }

    /** Where the four columns are; a missing trailing field reads as empty. */
    private record Columns(int key, int type, int encoding, int value) {
        static Columns of(List<String> header, int line) {
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int[] at = new int[4];
            String[] wanted = {"key", "type", "encoding", "value"};
            for (int i = 0; i < wanted.length; i++) {
                at[i] = names.indexOf(wanted[i]);
                if (at[i] < 0) {
                    throw NvsException.input(NvsProblem.Reason.BAD_HEADER, line, wanted[i], "the header line "
                            + String.join(",", header) + " has no column '" + wanted[i] + "' (key,type,encoding,value)");
                }
            }
            return new Columns(at[0], at[1], at[2], at[3]);
        }

        String get(List<String> fields, int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }
}
