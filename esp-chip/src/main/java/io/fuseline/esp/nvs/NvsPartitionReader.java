package io.fuseline.esp.nvs;

import static io.fuseline.esp.nvs.NvsLayout.ENTRIES_PER_PAGE;
import static io.fuseline.esp.nvs.NvsLayout.ENTRY_SIZE;
import static io.fuseline.esp.nvs.NvsLayout.PAGE_SIZE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a plaintext NVS partition image (decrypt an encrypted one first with {@link NvsEncryption#decrypt})
 * back into entries: pages in sequence-number order, items in page order, erased items skipped. Both formats
 * are read: V2 blobs are reassembled from their chunks and reported where their index entry stands, V1 blobs
 * where they stand. Checks every page header CRC, entry CRC and data CRC. Stateless and thread-safe.
 */
public final class NvsPartitionReader {
    private NvsPartitionReader() {
    }

    /**
     * The entries of {@code partition}; namespaces without entries do not appear.
     *
     * @throws NvsException with {@link NvsProblem.Corrupt} naming the offset of the first bad page or entry
     *     (entry CRC mismatches on an encrypted image usually mean it was not decrypted, or with other keys)
     */
    public static List<NvsEntry> read(byte[] partition) {
        if (partition.length == 0 || partition.length % PAGE_SIZE != 0) {
            throw new NvsException(new NvsProblem.InvalidSize(partition.length, "an NVS image is whole 4096-byte pages"));
        }
        Items items = new Items();
        for (int pageOff : pagesInSequence(partition)) {
            readPage(partition, pageOff, items);
        }
        return items.resolve();
    }

    private static List<Integer> pagesInSequence(byte[] image) {
        List<Integer> pages = new ArrayList<>();
        for (int off = 0; off < image.length; off += PAGE_SIZE) {
            int state = PageHeader.state(image, off);
            if (state == NvsLayout.STATE_UNINITIALIZED || state == NvsLayout.STATE_CORRUPT) {
                continue;
            }
            if (state != NvsLayout.STATE_ACTIVE && state != NvsLayout.STATE_FULL && state != NvsLayout.STATE_FREEING) {
                throw NvsException.corrupt(off, String.format("unknown page state 0x%08x", state));
            }
            if (!PageHeader.crcMatches(image, off)) {
                throw NvsException.corrupt(off + 28, "page header CRC mismatch");
            }
            if (NvsFormat.ofVersionByte(image[off + 8] & 0xFF) == null) {
                throw NvsException.corrupt(off + 8, String.format("unknown page version 0x%02x", image[off + 8] & 0xFF));
            }
            pages.add(off);
        }
        pages.sort(Comparator.comparingLong(off -> PageHeader.sequence(image, off)));
        return pages;
    }

    private static void readPage(byte[] image, int pageOff, Items items) {
        int i = 0;
        while (i < ENTRIES_PER_PAGE) {
            if (NvsLayout.entryState(image, pageOff, i) != NvsLayout.ENTRY_WRITTEN) {
                i++;
                continue;
            }
            int off = pageOff + NvsLayout.FIRST_ENTRY_OFFSET + i * ENTRY_SIZE;
            if (NvsLayout.u32(image, off + 4) != NvsCrc.ofEntry(image, off)) {
                throw NvsException.corrupt(off, "entry CRC mismatch (encrypted, or decrypted with other keys?)");
            }
            int span = image[off + 2] & 0xFF;
            if (span < 1 || i + span > ENTRIES_PER_PAGE) {
                throw NvsException.corrupt(off + 2, "span " + span + " does not fit the page at entry " + i);
            }
            items.add(image, off, span);
            i += span;
        }
    }

    /** An item before its namespace index is named. */
    private record RawItem(int offset, int ns, String key, NvsValue value) {
    }

    /** Items as read, namespace indexes not yet named; blob chunks waiting for their index entry. */
    private static final class Items {
        private final Map<Integer, String> namespaces = new HashMap<>();
        private final List<RawItem> raw = new ArrayList<>();
        private final Map<String, byte[]> chunks = new HashMap<>();

        void add(byte[] image, int off, int span) {
            int ns = image[off] & 0xFF;
            int type = image[off + 1] & 0xFF;
            String key = key(image, off);
            NvsIntType intType = NvsIntType.ofItemType(type);
            if (ns == 0 && intType == NvsIntType.U8) {
                namespaces.put(image[off + 24] & 0xFF, key);
            } else if (intType != null) {
                raw.add(new RawItem(off, ns, key, new NvsValue.Int(intType, intType.read(image, off + 24))));
            } else if (type == NvsLayout.TYPE_SZ) {
                byte[] data = payload(image, off, span);
                int end = 0;
                while (end < data.length && data[end] != 0) {
                    end++;
                }
                raw.add(new RawItem(off, ns, key, new NvsValue.Text(new String(data, 0, end, StandardCharsets.UTF_8))));
            } else if (type == NvsLayout.TYPE_BLOB_V1) {
                raw.add(new RawItem(off, ns, key, new NvsValue.Blob(payload(image, off, span))));
            } else if (type == NvsLayout.TYPE_BLOB_DATA) {
                chunks.put(ns + "/" + key + "/" + (image[off + 3] & 0xFF), payload(image, off, span));
            } else if (type == NvsLayout.TYPE_BLOB_IDX) {
                raw.add(new RawItem(off, ns, key, new NvsValue.Blob(assemble(image, off, ns, key))));
            } else {
                throw NvsException.corrupt(off + 1, String.format("unknown item type 0x%02x", type));
            }
        }

        private byte[] assemble(byte[] image, int off, int ns, String key) {
            long size = NvsLayout.u32(image, off + 24) & 0xFFFFFFFFL;
            int count = image[off + 28] & 0xFF;
            int start = image[off + 29] & 0xFF;
            byte[] blob = new byte[(int) Math.min(size, Integer.MAX_VALUE)];
            int at = 0;
            for (int c = start; c < start + count; c++) {
                byte[] chunk = chunks.remove(ns + "/" + key + "/" + c);
                if (chunk == null || at + chunk.length > blob.length) {
                    throw NvsException.corrupt(off, "blob '" + key + "': chunk " + c + " missing or too long");
                }
                System.arraycopy(chunk, 0, blob, at, chunk.length);
                at += chunk.length;
            }
            if (at != size) {
                throw NvsException.corrupt(off + 24, "blob '" + key + "' has " + at + " bytes in chunks, index says " + size);
            }
            return blob;
        }

        List<NvsEntry> resolve() {
            List<NvsEntry> entries = new ArrayList<>(raw.size());
            for (RawItem r : raw) {
                String namespace = namespaces.get(r.ns());
                if (namespace == null) {
                    throw NvsException.corrupt(r.offset(), "namespace index " + r.ns() + " is not defined");
                }
                entries.add(new NvsEntry(namespace, r.key(), r.value()));
            }
            return entries;
        }

        private static String key(byte[] image, int off) {
            int end = off + 8;
            while (end < off + 24 && image[end] != 0) {
                end++;
            }
            return new String(image, off + 8, end - off - 8, StandardCharsets.UTF_8);
        }

        /** The data of a string or blob item: its size and CRC checked. */
        private static byte[] payload(byte[] image, int off, int span) {
            int size = NvsLayout.u16(image, off + 24);
            if (size > (span - 1) * ENTRY_SIZE) {
                throw NvsException.corrupt(off + 24, "size " + size + " exceeds the item's " + (span - 1) + " entries");
            }
            int dataOff = off + ENTRY_SIZE;
            if (NvsLayout.u32(image, off + 28) != NvsCrc.of(image, dataOff, size)) {
                throw NvsException.corrupt(dataOff, "data CRC mismatch for '" + key(image, off) + "'");
            }
            byte[] data = new byte[size];
            System.arraycopy(image, dataOff, data, 0, size);
            return data;
        }
    }
}
