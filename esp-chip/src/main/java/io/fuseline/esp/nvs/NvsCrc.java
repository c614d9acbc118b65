package io.fuseline.esp.nvs;

/**
 * The CRC-32 every NVS structure carries: {@code zlib.crc32(data, 0xFFFFFFFF)}, i.e. ESP-IDF's
 * {@code esp_rom_crc32_le(0xFFFFFFFF, ...)}. Same polynomial as {@link java.util.zip.CRC32}, but the
 * register starts at 0 (zlib inverts the seed it is given), so the results differ; crc("") = 0xFFFFFFFF.
 */
final class NvsCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private NvsCrc() {
    }

    /** The CRC of {@code len} bytes of {@code b} from {@code off}. */
    static int of(byte[] b, int off, int len) {
        return ~update(0, b, off, len);
    }

    /** An entry's CRC: over its bytes [0,4) and [8,32), skipping the CRC field itself. */
    static int ofEntry(byte[] b, int entryOff) {
        int reg = update(0, b, entryOff, 4);
        return ~update(reg, b, entryOff + 8, 24);
    }

    private static int update(int reg, byte[] b, int off, int len) {
        int c = reg;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(c ^ b[i]) & 0xFF] ^ (c >>> 8);
        }
        return c;
    }
}
