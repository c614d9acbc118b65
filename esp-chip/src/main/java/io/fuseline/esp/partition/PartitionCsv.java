package io.fuseline.esp.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ESP-IDF's partition CSV ({@code # Name, Type, SubType, Offset, Size, Flags}), read the way
 * gen_esp32part.py v1.5 reads it: blank and {@code #} lines skipped, a UTF-8 BOM ignored, missing trailing
 * fields empty; type and subtype by name or number; numbers as in Python ({@code 0x}, {@code 0o},
 * {@code 0b}, decimal) with an optional {@code K}/{@code M} suffix (x1024, x1024²); an empty subtype
 * means {@code undefined} (0x06) except for apps; flags {@code encrypted} and {@code readonly}, joined
 * by {@code :}. Empty offsets are placed after the previous partition (the first after the table's
 * sector), aligned to 64 KB for apps and 4 KB otherwise; a negative size {@code -X} means "up to X".
 * Not supported: environment variables and bootloader entries (they need the tool's bootloader-offset
 * options). Reading does not {@link PartitionTable#validate validate}.
 */
public final class PartitionCsv {
    private PartitionCsv() {
    }

    /** Reads {@code csv} for a table at {@link PartitionTable#DEFAULT_OFFSET}. */
    public static PartitionTable read(String csv) {
        return read(csv, PartitionTable.DEFAULT_OFFSET);
    }

    /**
     * Reads {@code csv} for a table written at {@code tableOffset}.
     *
     * @throws PartitionTableException with {@link PartitionProblem.CsvError} naming the line
     */
    public static PartitionTable read(String csv, long tableOffset) {
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        List<PartitionEntry> entries = new ArrayList<>();
        long lastEnd = tableOffset + PartitionTable.SECTOR;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Row row = Row.parse(line, i + 1, tableOffset);
            if (row.isTable()) {
                entries.add(row.toEntry(tableOffset, PartitionTable.SECTOR));
                continue;
            }
            long offset;
            if (row.offset != null) {
                if (row.offset < lastEnd) {
                    throw error(i + 1, String.format("partitions overlap: offset 0x%x, previous partition ends 0x%x",
                            row.offset, lastEnd));
                }
                offset = row.offset;
            } else {
                long align = row.type == PartitionTypes.APP ? PartitionTableValidator.APP_OFFSET_ALIGN
                        : PartitionTableValidator.SECTOR_ALIGN;
                offset = (lastEnd + align - 1) / align * align;
            }
            long size = row.size < 0 ? -row.size - offset : row.size;
            entries.add(row.toEntry(offset, size));
            lastEnd = offset + size;
        }
        return new PartitionTable(entries);
    }

    /**
     * The table as gen_esp32part writes a binary table back to CSV: two header comment lines, then
     * {@code name,type,subtype,0xoffset,size,flags} with names where the tool has them and sizes in
     * {@code M}/{@code K} when they divide.
     */
    public static String write(PartitionTable table) {
        StringBuilder out = new StringBuilder("# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n");
        for (PartitionEntry e : table.entries()) {
            List<String> flags = new ArrayList<>();
            if (e.encrypted()) {
                flags.add("encrypted");
            }
            if (e.readonly()) {
                flags.add("readonly");
            }
            out.append(String.join(",", e.name(),
                    PartitionTypes.typeName(e.type()).orElse(Integer.toString(e.type())),
                    PartitionTypes.subtypeName(e.type(), e.subtype()).orElse(Integer.toString(e.subtype())),
                    "0x" + Long.toHexString(e.offset()), size(e.size()), String.join(":", flags))).append('\n');
        }
        return out.toString();
    }

    private static String size(long size) {
        if (size % 0x100000 == 0) {
            return size / 0x100000 + "M";
        }
        return size % 0x400 == 0 ? size / 0x400 + "K" : "0x" + Long.toHexString(size);
    }

    static PartitionTableException error(int line, String reason) {
        return new PartitionTableException(new PartitionProblem.CsvError(line, reason));
    }

    /** One CSV line's fields; offset null when left to auto-placement. */
    private record Row(int line, String name, int type, int subtype, Long offset, long size, boolean encrypted,
                       boolean readonly) {
        static Row parse(String line, int lineNo, long tableOffset) {
            if (line.contains("$")) {
                throw error(lineNo, "environment variables are not expanded here: " + line);
            }
            String[] f = (line + ",,,,").split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (f[1].isEmpty()) {
                throw error(lineNo, "field 'type' can't be left empty");
            }
            int type = (int) CsvNumbers.parse(f[1], PartitionTypes.typeNames(), lineNo);
            if (type == PartitionTypes.BOOTLOADER) {
                throw error(lineNo, "bootloader entries need the tool's --primary-bootloader-offset; not supported");
            }
            int subtype;
            if (f[2].isEmpty()) {
                if (type == PartitionTypes.APP) {
                    throw error(lineNo, "app partition cannot have an empty subtype");
                }
                subtype = PartitionTypes.DATA_UNDEFINED;
            } else {
                subtype = (int) CsvNumbers.parse(f[2], PartitionTypes.subtypeNames(type), lineNo);
            }
            Long offset = f[3].isEmpty() ? null : CsvNumbers.parse(f[3], Map.of(), lineNo);
            // the tool sizes every partition_table entry as one sector, whatever the CSV says
            boolean table = type == PartitionTypes.PARTITION_TABLE;
            if (f[4].isEmpty() && !table) {
                throw error(lineNo, "size field can't be empty");
            }
            long size = table ? PartitionTable.SECTOR : CsvNumbers.parse(f[4], Map.of(), lineNo);
            boolean encrypted = false;
            boolean readonly = false;
            for (String flag : f[5].split(":", -1)) {
                switch (flag) {
                    case "encrypted" -> encrypted = true;
                    case "readonly" -> readonly = true;
                    case "" -> { }
                    default -> throw error(lineNo, "unknown flag '" + flag + "'");
                }
            }
            return new Row(lineNo, f[0], type, subtype, offset, size, encrypted, readonly);
        }

        boolean isTable() {
            return type == PartitionTypes.PARTITION_TABLE && subtype == 0;
        }

        PartitionEntry toEntry(long at, long length) {
            try {
                return PartitionEntry.of(name, type, subtype, at, length, encrypted, readonly);
            } catch (IllegalArgumentException e) {
                throw new PartitionTableException(new PartitionProblem.CsvError(line, e.getMessage()));
            }
        }
    }

    /** Python {@code int(v, 0)} with K/M suffixes and keyword fallback, as gen_esp32part's parse_int. */
    static final class CsvNumbers {
        private CsvNumbers() {
        }

        static long parse(String v, Map<String, Integer> keywords, int lineNo) {
            String lower = v.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith("k") || lower.endsWith("m")) {
                    long unit = lower.endsWith("k") ? 1024 : 1024 * 1024;
                    return Math.multiplyExact(parse(v.substring(0, v.length() - 1), keywords, lineNo), unit);
                }
                return pythonInt(lower);
            } catch (NumberFormatException | ArithmeticException e) {
                Integer k = keywords.get(lower);
                if (k == null) {
                    throw error(lineNo, keywords.isEmpty() ? "invalid field value '" + v + "'"
                            : "value '" + v + "' is not valid, known keywords: " + String.join(", ", keywords.keySet()));
                }
                return k;
            }
        }

        private static long pythonInt(String s) {
            String t = s.replace("_", "");
            boolean negative = t.startsWith("-");
            if (negative || t.startsWith("+")) {
                t = t.substring(1);
            }
            int radix = 10;
            if (t.startsWith("0x") || t.startsWith("0o") || t.startsWith("0b")) {
                radix = t.charAt(1) == 'x' ? 16 : t.charAt(1) == 'o' ? 8 : 2;
                t = t.substring(2);
            } else if (t.length() > 1 && t.startsWith("0") && !t.chars().allMatch(c -> c == '0')) {
                throw new NumberFormatException("leading zeros in decimal " + s); // Python rejects "010"
            }
            if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
                throw new NumberFormatException(s);
            }
            long value = Long.parseLong(t, radix);
            return negative ? -value : value;
        }
    }
}
