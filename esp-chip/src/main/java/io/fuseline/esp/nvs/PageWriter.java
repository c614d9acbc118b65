package io.fuseline.esp.nvs;

import static io.fuseline.esp.nvs.NvsLayout.CHUNK_ANY;
import static io.fuseline.esp.nvs.NvsLayout.ENTRIES_PER_PAGE;
import static io.fuseline.esp.nvs.NvsLayout.ENTRY_SIZE;
import static io.fuseline.esp.nvs.NvsLayout.PAGE_SIZE;
import static io.fuseline.esp.nvs.NvsLayout.entriesFor;
import static io.fuseline.esp.nvs.NvsLayout.putU16;
import static io.fuseline.esp.nvs.NvsLayout.putU32;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills pages the way the generator does, entry by entry from the first page: an item that does not fit the
 * rest of a page starts the next one, which marks the previous page FULL. The last written page stays ACTIVE,
 * later pages stay erased (all 0xFF), and the partition's last page is never written: ESP-IDF keeps it free
 * for garbage collection. One instance writes one image; not thread-safe.
 */
final class PageWriter {
    private final byte[] image;
    private final NvsFormat format;
    private final int dataPages;
    private final Map<String, Integer> namespaces = new HashMap<>();
    private int page;
    private int entry;

    PageWriter(int size, NvsFormat format) {
        this.image = new byte[size];
        Arrays.fill(image, (byte) 0xFF);
        this.format = format;
        this.dataPages = size / PAGE_SIZE - 1;
        PageHeader.write(image, 0, NvsLayout.STATE_ACTIVE, format);
    }

    /** Switches to namespace {@code name}, writing its definition entry the first time it is used. */
    int namespace(String name, int line) {
        Integer index = namespaces.get(name);
        if (index != null) {
            return index;
        }
        if (namespaces.size() == NvsCsv.MAX_NAMESPACES) {
            throw NvsException.input(NvsProblem.Reason.TOO_MANY_NAMESPACES, line, "key",
                    "namespace '" + name + "' is one more than the " + NvsCsv.MAX_NAMESPACES + " a partition holds");
        }
        int assigned = namespaces.size() + 1;
        integer(0, name, new NvsValue.Int(NvsIntType.U8, assigned), line);
        namespaces.put(name, assigned);
        return assigned;
    }

    /** Writes {@code e}, defining its namespace first if needed; {@code line} is named in errors (0: none). */
    void put(NvsEntry e, int line) {
        int ns = namespace(e.namespace(), line);
        NvsValue v = e.value();
        // release 17: no pattern switch over the sealed type yet
        if (v instanceof NvsValue.Int i) {
            integer(ns, e.key(), i, line);
        } else if (v instanceof NvsValue.Text t) {
            single(ns, NvsLayout.TYPE_SZ, e.key(), t.stored(), format.maxString(), line);
        } else if (format == NvsFormat.V1) {
            single(ns, NvsLayout.TYPE_BLOB_V1, e.key(), ((NvsValue.Blob) v).raw(), NvsFormat.V1_MAX_VARLEN, line);
        } else {
            chunked(ns, e.key(), ((NvsValue.Blob) v).raw(), line);
        }
    }

    /** The image; the writer must not be used afterwards. */
    byte[] image() {
        return image;
    }

    private void integer(int ns, String key, NvsValue.Int value, int line) {
        if (entry >= ENTRIES_PER_PAGE) {
            nextPage(key, line);
        }
        byte[] item = header(ns, value.type().itemType(), 1, CHUNK_ANY, key);
        for (int i = 0; i < value.type().width(); i++) {
            item[24 + i] = (byte) (value.bits() >>> (8 * i));
        }
        write(item);
    }

    /** A string, or a V1 blob: header and payload on one page. */
    private void single(int ns, int type, String key, byte[] data, int max, int line) {
        if (data.length > max) {
            throw NvsException.input(NvsProblem.Reason.TOO_LARGE, line, "value", "'" + key + "' holds " + data.length
                    + " bytes" + (type == NvsLayout.TYPE_SZ ? " with its NUL" : "") + ", at most " + max + " fit");
        }
        int span = 1 + entriesFor(data.length);
        // the generator wants at least one entry left after the item, hence >= rather than >
        if (entry + span >= ENTRIES_PER_PAGE) {
            nextPage(key, line);
        }
        byte[] item = header(ns, type, span, CHUNK_ANY, key);
        putU16(item, 24, data.length);
        putU32(item, 28, NvsCrc.of(data, 0, data.length));
        write(item);
        writePayload(data, 0, data.length);
    }

    /** A V2 blob: chunks filling each page up to its end, then the index entry. */
    private void chunked(int ns, String key, byte[] data, int line) {
        if (entry >= ENTRIES_PER_PAGE) {
            nextPage(key, line);
        }
        int chunks = 0;
        int offset = 0;
        int remaining = data.length;
        while (true) {
            int room = (ENTRIES_PER_PAGE - entry - 1) * ENTRY_SIZE;
            int size = Math.min(room, remaining);
            remaining -= size;
            if (chunks > 0xFF) {
                throw NvsException.input(NvsProblem.Reason.TOO_LARGE, line, "value",
                        "'" + key + "' needs more than 256 chunks");
            }
            byte[] item = header(ns, NvsLayout.TYPE_BLOB_DATA, 1 + entriesFor(size), chunks, key);
            putU16(item, 24, size);
            putU32(item, 28, NvsCrc.of(data, offset, size));
            write(item);
            writePayload(data, offset, size);
            chunks++;
            offset += size;
            // a page with no entry left is closed even when the data is done: the index goes to the next page
            if (remaining > 0 || room - size < ENTRY_SIZE) {
                nextPage(key, line);
            }
            if (remaining == 0) {
                byte[] index = header(ns, NvsLayout.TYPE_BLOB_IDX, 1, CHUNK_ANY, key);
                putU32(index, 24, data.length);
                index[28] = (byte) chunks;
                index[29] = 0; // chunk start: the generator always writes version 0 chunks
                write(index);
                return;
            }
        }
    }

    private void nextPage(String key, int line) {
        if (page + 1 >= dataPages) {
            throw NvsException.input(NvsProblem.Reason.DOES_NOT_FIT, line, "value", String.format(
                    "'%s' does not fit into the 0x%x-byte partition (%d pages for data, the last page stays free)",
                    key, image.length, dataPages));
        }
        putU32(image, page * PAGE_SIZE, NvsLayout.STATE_FULL);
        page++;
        entry = 0;
        PageHeader.write(image, page * PAGE_SIZE, NvsLayout.STATE_ACTIVE, format);
    }

    private static byte[] header(int ns, int type, int span, int chunk, String key) {
        byte[] item = new byte[ENTRY_SIZE];
        Arrays.fill(item, (byte) 0xFF);
        item[0] = (byte) ns;
        item[1] = (byte) type;
        item[2] = (byte) span;
        item[3] = (byte) chunk;
        Arrays.fill(item, 8, 24, (byte) 0);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(k, 0, item, 8, k.length);
        return item;
    }

    /** Writes a complete item header (its CRC computed here) at the current entry. */
    private void write(byte[] item) {
        putU32(item, 4, NvsCrc.ofEntry(item, 0));
        System.arraycopy(item, 0, image, NvsLayout.entryOffset(page, entry), ENTRY_SIZE);
        NvsLayout.markWritten(image, page * PAGE_SIZE, entry++);
    }

    /** Payload entries: the last one padded with 0xFF. */
    private void writePayload(byte[] data, int off, int len) {
        System.arraycopy(data, off, image, NvsLayout.entryOffset(page, entry), len);
        for (int i = entriesFor(len); i > 0; i--) {
            NvsLayout.markWritten(image, page * PAGE_SIZE, entry++);
        }
    }
}
