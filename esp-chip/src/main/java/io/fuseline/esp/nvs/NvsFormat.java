package io.fuseline.esp.nvs;

/**
 * The page format version the generator's {@code --version} selects. V2 (the default, ESP-IDF v4.0 and
 * later) splits binary data into BLOB_DATA chunks that may span pages; V1 stores each blob as a single
 * BLOB item that must fit one page.
 */
public enum NvsFormat {
    /** Single-page blobs (item type 0x41), at most {@value NvsFormat#V1_MAX_VARLEN} bytes each. */
    V1(0xFF),
    /** Multi-page blobs (BLOB_DATA 0x42 chunks + BLOB_IDX 0x48). */
    V2(0xFE);

    /** V1's limit for a string (including its NUL) or a blob, as the generator enforces it. */
    static final int V1_MAX_VARLEN = 1984;
    /**
     * V2's limit for a string including its NUL. The generator states 4000, but it only places a string on a
     * page where the string leaves at least one entry free, so anything above 125 entries (3968 bytes) fails.
     */
    static final int V2_MAX_STRING = 3968;

    private final int versionByte;

    NvsFormat(int versionByte) {
        this.versionByte = versionByte;
    }

    /** The byte at offset 8 of every page header. */
    public int versionByte() {
        return versionByte;
    }

    /** The largest string (UTF-8 bytes plus NUL) this format stores. */
    int maxString() {
        return this == V1 ? V1_MAX_VARLEN : V2_MAX_STRING;
    }

    static NvsFormat ofVersionByte(int b) {
        for (NvsFormat f : values()) {
            if (f.versionByte == b) {
                return f;
            }
        }
        return null;
    }
}
