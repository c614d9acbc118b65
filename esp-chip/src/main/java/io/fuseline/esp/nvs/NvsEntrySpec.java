package io.fuseline.esp.nvs;

/**
 * One row of the generator's CSV, checked and, for {@code data} rows, already decoded. {@code line} is the
 * 1-based CSV line the row came from (0 when built in code); errors about the row name it.
 */
public sealed interface NvsEntrySpec permits NvsEntrySpec.Namespace, NvsEntrySpec.Data, NvsEntrySpec.File {
    int line();

    /** A {@code namespace} row: the rows below it belong to namespace {@code name}. */
    record Namespace(int line, String name) implements NvsEntrySpec {
    }

    /** A {@code data} row with its decoded value. */
    record Data(int line, String key, NvsValue value) implements NvsEntrySpec {
    }

    /**
     * A {@code file} row: {@code path} as written in the CSV, relative to the CSV's folder unless absolute;
     * the generator asks its resolver for the bytes and decodes them with {@code encoding}.
     */
    record File(int line, String key, NvsEncoding encoding, String path) implements NvsEntrySpec {
    }
}
