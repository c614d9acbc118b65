package io.fuseline.esp.nvs;

import java.util.List;
import java.util.function.Function;

/**
 * Writes NVS partition images byte for byte as {@code nvs_partition_gen.py generate} (esp-idf-nvs-partition-gen
 * 0.2.0) does for the same CSV, size and {@code --version}; {@link #generateEncrypted} matches its
 * {@code encrypt} with {@code --inputkey}. Stateless and thread-safe; every call returns a new array of
 * exactly {@code size} bytes.
 *
 * <p>Deliberate differences from the tool, all on input it mishandles: a namespace row naming an earlier
 * namespace switches back to it (the tool keeps writing into the newest one); a data row before any namespace
 * row, an over-long string and NUL inside a string are refused instead of written broken or crashing;
 * partitions below 0x3000 (the tool's read-only NVS) are refused.
 */
public final class NvsPartitionGenerator {
    private NvsPartitionGenerator() {
    }

    /** {@link #generate(List, int, NvsFormat, Function)} in the default V2 format. */
    public static byte[] generate(List<NvsEntrySpec> rows, int size, Function<String, byte[]> fileResolver) {
        return generate(rows, size, NvsFormat.V2, fileResolver);
    }

    /**
     * The partition holding {@code rows} in order.
     *
     * @param size partition size in bytes: a multiple of 4096, at least 0x3000
     * @param fileResolver gives the bytes of a {@code file} row's path as written in the CSV (the caller resolves
     *     relative paths against the CSV's folder, as the tool resolves them against its working directory); may
     *     return null or throw for a missing file
     * @throws NvsException {@link NvsProblem.InvalidSize} for a bad size; {@link NvsProblem.InputError} with the
     *     row's line for a file that cannot be read or decoded, a value too large, or data that does not fit
     */
    public static byte[] generate(List<NvsEntrySpec> rows, int size, NvsFormat format,
                                  Function<String, byte[]> fileResolver) {
        checkSize(size);
        PageWriter writer = new PageWriter(size, format);
        String namespace = null;
        for (NvsEntrySpec row : rows) {
            if (row instanceof NvsEntrySpec.Namespace ns) {
                namespace = ns.name();
                writer.namespace(namespace, ns.line());
                continue;
            }
            if (namespace == null) {
                throw NvsException.input(NvsProblem.Reason.NO_NAMESPACE, row.line(), "type",
                        "an entry comes before the first namespace row");
            }
            if (row instanceof NvsEntrySpec.Data d) {
                writer.put(new NvsEntry(namespace, d.key(), d.value()), d.line());
            } else {
                NvsEntrySpec.File f = (NvsEntrySpec.File) row;
                byte[] content = resolve(fileResolver, f);
                writer.put(new NvsEntry(namespace, f.key(),
                        NvsValues.decodeFile(f.encoding(), content, f.line(), f.path())), f.line());
            }
        }
        return writer.image();
    }

    /**
     * The partition holding {@code entries} in list order; each namespace is defined where it first appears.
     * Errors carry no line number.
     */
    public static byte[] generateEntries(List<NvsEntry> entries, int size, NvsFormat format) {
        checkSize(size);
        PageWriter writer = new PageWriter(size, format);
        for (NvsEntry e : entries) {
            writer.put(e, 0);
        }
        return writer.image();
    }

    /** {@link #generate(List, int, NvsFormat, Function)} encrypted with {@code keys} ({@link NvsEncryption}). */
    public static byte[] generateEncrypted(List<NvsEntrySpec> rows, int size, NvsFormat format,
                                           Function<String, byte[]> fileResolver, NvsKeys keys) {
        return NvsEncryption.encrypt(generate(rows, size, format, fileResolver), keys);
    }

    /** Refuses sizes the tool refuses, and the read-only sizes 0x1000 and 0x2000. */
    static void checkSize(long size) {
        if (size % NvsLayout.PAGE_SIZE != 0) {
            throw new NvsException(new NvsProblem.InvalidSize(size, "must be a multiple of 4096"));
        }
        if (size < NvsLayout.MIN_READ_WRITE_SIZE) {
            throw new NvsException(new NvsProblem.InvalidSize(size,
                    "a read/write NVS partition needs at least 0x3000 bytes (two pages and one kept free)"));
        }
    }

    private static byte[] resolve(Function<String, byte[]> resolver, NvsEntrySpec.File f) {
        byte[] content;
        try {
            content = resolver.apply(f.path());
        } catch (RuntimeException e) {
            throw NvsException.input(NvsProblem.Reason.FILE_UNREADABLE, f.line(), "value",
                    "cannot read file '" + f.path() + "': " + e.getMessage());
        }
        if (content == null) {
            throw NvsException.input(NvsProblem.Reason.FILE_UNREADABLE, f.line(), "value",
                    "file '" + f.path() + "' not found");
        }
        return content;
    }
}
