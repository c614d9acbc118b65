package io.fuseline.esp.image;

/** Little-endian field access; every multi-byte field of the image format is little-endian. */
final class Le {
    private Le() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return u8(b, off) | u8(b, off + 1) << 8;
    }

    static long u32(byte[] b, int off) {
        return (u16(b, off) | (long) u16(b, off + 2) << 16) & 0xFFFF_FFFFL;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int off, long v) {
        put16(b, off, (int) v & 0xFFFF);
        put16(b, off + 2, (int) (v >>> 16) & 0xFFFF);
    }
}
