package io.fuseline.station.protocol;

import java.util.Objects;

/**
 * SLIP framing as the ESP ROM loader and esptool's stub speak it: a frame is {@code C0 payload C0}, and
 * inside the payload {@code C0} becomes {@code DB DC} and {@code DB} becomes {@code DB DD}. Lengths and
 * checksums of a packet are computed before escaping, so callers encode a finished packet.
 *
 * <p>Stateless and thread-safe. Decoding is incremental and lives in {@link SlipDecoder}.
 */
public final class Slip {

    /** Frame delimiter. */
    public static final int END = 0xC0;
    /** Escape introducer. */
    public static final int ESC = 0xDB;
    /** Follows {@link #ESC} to stand for a payload {@code C0}. */
    public static final int ESC_END = 0xDC;
    /** Follows {@link #ESC} to stand for a payload {@code DB}. */
    public static final int ESC_ESC = 0xDD;

    private Slip() {
    }

    /** Number of bytes {@link #encode(byte[], int, int, byte[], int)} writes for this payload, delimiters included. */
    public static int encodedLength(byte[] packet, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        int n = length + 2;
        for (int i = offset; i < offset + length; i++) {
            int b = packet[i] & 0xFF;
            if (b == END || b == ESC) {
                n++;
            }
        }
        return n;
    }

    /**
     * Writes {@code C0 escaped(packet[offset..offset+length)) C0} into {@code dst} at {@code dstOffset}.
     *
     * @return the number of bytes written, always {@link #encodedLength}
     * @throws IndexOutOfBoundsException if {@code dst} has no room for the whole frame; nothing useful is
     *         written in that case, so callers size the buffer with {@link #encodedLength} or allow
     *         {@code 2 * length + 2}
     */
    public static int encode(byte[] packet, int offset, int length, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        Objects.checkFromIndexSize(dstOffset, encodedLength(packet, offset, length), dst.length);
        int o = dstOffset;
        dst[o++] = (byte) END;
        for (int i = offset; i < offset + length; i++) {
            int b = packet[i] & 0xFF;
            if (b == END) {
                dst[o++] = (byte) ESC;
                dst[o++] = (byte) ESC_END;
            } else if (b == ESC) {
                dst[o++] = (byte) ESC;
                dst[o++] = (byte) ESC_ESC;
            } else {
                dst[o++] = (byte) b;
            }
        }
        dst[o++] = (byte) END;
        return o - dstOffset;
    }

    /** Returns a new array holding the SLIP frame of the whole {@code packet}. */
    public static byte[] encode(byte[] packet) {
        byte[] out = new byte[encodedLength(packet, 0, packet.length)];
        encode(packet, 0, packet.length, out, 0);
        return out;
    }
}
