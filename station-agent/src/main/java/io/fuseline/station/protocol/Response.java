package io.fuseline.station.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One response packet: {@code 01, op, u16 len(data), u32 value, data}, little-endian. The data ends with the
 * status bytes whose count depends on the {@link StatusDialect}; {@link #payload} is what precedes them.
 *
 * <p>Immutable: the data array is copied in and out. {@code op} is the raw wire byte because a loader may
 * answer with an op this client does not know; {@code value} is an unsigned 32-bit value in an {@code int}.
 *
 * @param op    the op byte, 0..255
 * @param value the value field (READ_REG's register value, SYNC's ROM marker; 0 otherwise)
 * @param data  everything after the header, status bytes included
 */
public record Response(int op, int value, byte[] data) {

    /** Bytes before the data: direction, op, length, value. */
    public static final int HEADER_LENGTH = 8;
    /** Direction byte of a response. */
    public static final int DIRECTION_RESPONSE = 0x01;

    public Response {
        if (op < 0 || op > 0xFF) {
            throw new IllegalArgumentException("op must be a byte, was " + op);
        }
        data = Objects.requireNonNull(data, "data").clone();
    }

    /**
     * Whether {@code frame} is shaped like a response: long enough for a header, direction byte 1, and a
     * length field equal to the bytes that follow. Frames that fail this are not answers to anything.
     */
    public static boolean isResponse(byte[] frame) {
        return frame.length >= HEADER_LENGTH && frame[0] == DIRECTION_RESPONSE
                && LittleEndian.u16(frame, 2) == frame.length - HEADER_LENGTH;
    }

    /** Parses a decoded frame, empty unless {@link #isResponse(byte[])}. */
    public static Optional<Response> parse(byte[] frame) {
        if (!isResponse(frame)) {
            return Optional.empty();
        }
        return Optional.of(new Response(frame[1] & 0xFF, LittleEndian.u32(frame, 4),
                Arrays.copyOfRange(frame, HEADER_LENGTH, frame.length)));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The op, empty if unknown. */
    public Optional<Opcode> opcode() {
        return Opcode.fromCode(op);
    }

    /** Whether the data is long enough to hold the dialect's status bytes. */
    public boolean hasStatus(StatusDialect dialect) {
        return data.length >= dialect.statusLength();
    }

    /**
     * The status flag and error byte: the first two of the trailing {@link StatusDialect#statusLength()}
     * bytes.
     *
     * @throws IllegalStateException if the data is shorter than the status ({@link #hasStatus} is false)
     */
    public ResponseStatus status(StatusDialect dialect) {
        requireStatus(dialect);
        int at = data.length - dialect.statusLength();
        return new ResponseStatus(data[at] & 0xFF, data[at + 1] & 0xFF);
    }

    /** The data before the status bytes (MD5 text, security info, flash bytes; empty for most commands). */
    public byte[] payload(StatusDialect dialect) {
        requireStatus(dialect);
        return Arrays.copyOf(data, data.length - dialect.statusLength());
    }

    /** The unframed packet this response was parsed from. */
    public byte[] packet() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        out[0] = DIRECTION_RESPONSE;
        out[1] = (byte) op;
        LittleEndian.putU16(out, 2, data.length);
        LittleEndian.putU32(out, 4, value);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    private void requireStatus(StatusDialect dialect) {
        if (!hasStatus(dialect)) {
            throw new IllegalStateException(Opcode.describe(op) + " response has " + data.length
                    + " data bytes, fewer than the " + dialect.statusLength() + " status bytes of " + dialect);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && r.op == op && r.value == value && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, value, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        String body = data.length <= 32 ? HexFormat.of().formatHex(data) : data.length + " bytes";
        return String.format("Response[%s value=0x%08x data=%s]", Opcode.describe(op), value, body);
    }
}
