package io.fuseline.esp.nvs;

/** Page and entry geometry and the fixed codes of the NVS format (NOTES §f.1, §f.2). */
final class NvsLayout {
    static final int PAGE_SIZE = 4096;
    static final int ENTRY_SIZE = 32;
    static final int ENTRIES_PER_PAGE = 126;
    static final int BITMAP_OFFSET = 32;
    static final int FIRST_ENTRY_OFFSET = 64;
    /** Below this a partition can only be a read-only NVS: a read/write one needs two pages and a spare. */
    static final int MIN_READ_WRITE_SIZE = 0x3000;

    static final int STATE_UNINITIALIZED = 0xFFFFFFFF;
    static final int STATE_ACTIVE = 0xFFFFFFFE;
    static final int STATE_FULL = 0xFFFFFFFC;
    static final int STATE_FREEING = 0xFFFFFFF8;
    static final int STATE_CORRUPT = 0xFFFFFFF0;

    static final int ENTRY_EMPTY = 3;
    static final int ENTRY_WRITTEN = 2;
    static final int ENTRY_ERASED = 0;

    static final int TYPE_SZ = 0x21;
    static final int TYPE_BLOB_V1 = 0x41;
    static final int TYPE_BLOB_DATA = 0x42;
    static final int TYPE_BLOB_IDX = 0x48;
    static final int CHUNK_ANY = 0xFF;

    private NvsLayout() {
    }

    /** Offset of entry {@code index} of page {@code page} inside the partition. */
    static int entryOffset(int page, int index) {
        return page * PAGE_SIZE + FIRST_ENTRY_OFFSET + index * ENTRY_SIZE;
    }

    /** The 2-bit state of entry {@code index} in the page starting at {@code pageOff}. */
    static int entryState(byte[] image, int pageOff, int index) {
        int bit = index * 2;
        return (image[pageOff + BITMAP_OFFSET + bit / 8] >>> (bit % 8)) & 3;
    }

    /** Marks entry {@code index} written (state 10: the generator clears the lower bit). */
    static void markWritten(byte[] image, int pageOff, int index) {
        int bit = index * 2;
        image[pageOff + BITMAP_OFFSET + bit / 8] &= (byte) ~(1 << (bit % 8));
    }

    static int u32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static void putU32(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    /** Entries needed for {@code bytes} of payload. */
    static int entriesFor(int bytes) {
        return (bytes + ENTRY_SIZE - 1) / ENTRY_SIZE;
    }
}
