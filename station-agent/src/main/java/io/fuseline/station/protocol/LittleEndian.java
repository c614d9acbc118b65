package io.fuseline.station.protocol;

/** Little-endian field access for packet layouts; all wire integers of the loader protocol are LE. */
final class LittleEndian {

    private LittleEndian() {
    }

    static void putU16(byte[] dst, int offset, int value) {
        dst[offset] = (byte) value;
        dst[offset + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] dst, int offset, int value) {
        dst[offset] = (byte) value;
        dst[offset + 1] = (byte) (value >>> 8);
        dst[offset + 2] = (byte) (value >>> 16);
        dst[offset + 3] = (byte) (value >>> 24);
    }

    static int u16(byte[] src, int offset) {
        return (src[offset] & 0xFF) | (src[offset + 1] & 0xFF) << 8;
    }

    static int u32(byte[] src, int offset) {
        return (src[offset] & 0xFF) | (src[offset + 1] & 0xFF) << 8
                | (src[offset + 2] & 0xFF) << 16 | (src[offset + 3] & 0xFF) << 24;
    }

    /** Packs 32-bit words into a new array, in order. */
    static byte[] words(int... words) {
        byte[] out = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            putU32(out, i * 4, words[i]);
        }
        return out;
    }
}
