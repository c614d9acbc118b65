package io.fuseline.esp.nvs;

/**
 * Something wrong with NVS input; arrives in an {@link NvsException}. Each record is one kind of problem,
 * with the fields an operator needs to fix it.
 */
public sealed interface NvsProblem {
    /** A one-line message naming what was read and what was expected. */
    String message();

    /** What is wrong with a CSV row (or, with no line, with an entry handed to the generator). */
    enum Reason {
        BAD_HEADER, UNKNOWN_TYPE, UNKNOWN_ENCODING, INVALID_VALUE, OUT_OF_RANGE, KEY_TOO_LONG, NO_NAMESPACE,
        TOO_MANY_NAMESPACES, TOO_LARGE, DOES_NOT_FIT, FILE_UNREADABLE
    }

    /**
     * An input row the generator cannot take. {@code line} is the 1-based CSV line and {@code column} the CSV
     * column ({@code key}, {@code type}, {@code encoding}, {@code value}); {@code line} is 0 and
     * {@code column} empty when the entry did not come from a CSV.
     */
    record InputError(Reason reason, int line, String column, String detail) implements NvsProblem {
        public String message() {
            return line > 0 ? "NVS CSV line " + line + ", column '" + column + "': " + detail : "NVS entry: " + detail;
        }
    }

    /** The partition size is not a multiple of 4096 bytes or below the read/write minimum 0x3000. */
    record InvalidSize(long size, String detail) implements NvsProblem {
        public String message() {
            return String.format("NVS partition size 0x%x: %s", size, detail);
        }
    }

    /** A partition image that cannot be read: {@code offset} is the byte offset inside the partition. */
    record Corrupt(long offset, String detail) implements NvsProblem {
        public String message() {
            return String.format("NVS partition corrupt at 0x%x: %s", offset, detail);
        }
    }

    /** Key material of the wrong length, or an nvs_keys partition whose CRC does not match. */
    record InvalidKeys(String detail) implements NvsProblem {
        public String message() {
            return "NVS keys: " + detail;
        }
    }
}
