package io.fuseline.station.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One command packet: {@code 00, op, u16 len(data), u32 checksum, data}, little-endian. Build instances with
 * {@link Requests}; this type only holds and encodes them.
 *
 * <p>Immutable: the data array is copied in and out. {@code checksum} is an unsigned 32-bit value held in
 * an {@code int}.
 *
 * @param op       the command
 * @param data     the command's data, at most 65535 bytes
 * @param checksum the checksum field (zero unless {@link Opcode#checksummed()})
 */
public record Request(Opcode op, byte[] data, int checksum) {

    /** Bytes before the data: direction, op, length, checksum. */
    public static final int HEADER_LENGTH = 8;
    /** Direction byte of a request. */
    public static final int DIRECTION_REQUEST = 0x00;

    public Request {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(data, "data");
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException(op.describe() + " data is " + data.length
                    + " bytes, the length field holds at most 65535");
        }
        data = data.clone();
    }

    /** A request whose checksum field is zero. */
    public Request(Opcode op, byte[] data) {
        this(op, data, 0);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of the unframed packet: header plus data. */
    public int packetLength() {
        return HEADER_LENGTH + data.length;
    }

    /** Writes the unframed packet at {@code offset}; returns {@link #packetLength()}. */
    public int writePacket(byte[] dst, int offset) {
        Objects.checkFromIndexSize(offset, packetLength(), dst.length);
        dst[offset] = DIRECTION_REQUEST;
        dst[offset + 1] = (byte) op.code();
        LittleEndian.putU16(dst, offset + 2, data.length);
        LittleEndian.putU32(dst, offset + 4, checksum);
        System.arraycopy(data, 0, dst, offset + HEADER_LENGTH, data.length);
        return packetLength();
    }

    /** The unframed packet. */
    public byte[] packet() {
        byte[] out = new byte[packetLength()];
        writePacket(out, 0);
        return out;
    }

    /** The packet as a SLIP frame, ready for the wire. */
    public byte[] toFrame() {
        return Slip.encode(packet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && r.op == op && r.checksum == checksum && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, checksum, Arrays.hashCode(data));
    }

    /** Op, length and checksum, plus the data in hex when it is short (register traffic, not flash blocks). */
    @Override
    public String toString() {
        String body = data.length <= 32 ? " data=" + HexFormat.of().formatHex(data) : "";
        return String.format("Request[%s len=%d chk=0x%x%s]", op.describe(), data.length, checksum, body);
    }
}
