package io.fuseline.esp.flash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Long-wide views of byte arrays, so reversals and XORs run 8 bytes at a time without allocation. */
final class ByteViews {
    static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private ByteViews() {
    }

    /** Writes the 16 bytes at {@code src[s..s+16)} reversed to {@code dst[d..d+16)}; not for overlapping ranges. */
    static void reverse16(byte[] src, int s, byte[] dst, int d) {
        long hi = (long) LE.get(src, s + 8);
        long lo = (long) LE.get(src, s);
        BE.set(dst, d, hi);
        BE.set(dst, d + 8, lo);
    }

    /** A key check value for log lines: the first 3 bytes of AES(key, 0^128), as HSMs print it. */
    static String kcv(byte[] firstBlockOfZerosEncrypted) {
        return HexFormat.of().formatHex(firstBlockOfZerosEncrypted, 0, 3);
    }
}
