package io.fuseline.schemas.envelope;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One wrapped secret as it travels ({@code WrappedKey.envelope} is the base64 of {@link #encode()}): the
 * {@link EnvelopeHeader} followed by a 2-byte big-endian length and the AES-KWP output. Holds no plaintext, so it
 * may be logged and stored. Immutable.
 */
public record KeyEnvelope(EnvelopeHeader header, byte[] wrapped) {
    private static final int MAX_WRAPPED = 4096;

    public KeyEnvelope {
        Objects.requireNonNull(header, "header");
        if (wrapped.length < 16 || wrapped.length % 8 != 0 || wrapped.length > MAX_WRAPPED) {
            throw new IllegalArgumentException("AES-KWP output is a multiple of 8 bytes, 16.." + MAX_WRAPPED
                    + ", got " + wrapped.length);
        }
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    public byte[] encode() {
        return ByteBuffer.allocate(EnvelopeHeader.BYTES + 2 + wrapped.length).put(header.encode())
                .putShort((short) wrapped.length).put(wrapped).array();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(encode());
    }

    /** Parses an envelope; fails with {@link EnvelopeException.Reason#MALFORMED} or {@code UNSUPPORTED_SCHEME}. */
    public static KeyEnvelope decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[4];
            in.get(magic);
            if (!Arrays.equals(magic, EnvelopeHeader.MAGIC) || in.get() != EnvelopeHeader.VERSION) {
                throw malformed("not a version-1 Fuseline key envelope");
            }
            int schemeId = in.get() & 0xFF;
            WrapScheme scheme = WrapScheme.ofId(schemeId).orElseThrow(() -> new EnvelopeException(
                    EnvelopeException.Reason.UNSUPPORTED_SCHEME, "wrap scheme " + schemeId + " is unknown here"));
            var kind = EnvelopeHeader.kindOf(in.get() & 0xFF);
            in.get();
            byte[] fingerprint = new byte[32];
            byte[] point = new byte[P256.POINT_BYTES];
            byte[] kcv = new byte[KeyCheckValue.BYTES];
            in.get(fingerprint).get(point).get(kcv);
            int length = in.getShort() & 0xFFFF;
            if (length != in.remaining()) {
                throw malformed("wrapped length " + length + " but " + in.remaining() + " bytes follow");
            }
            byte[] wrapped = new byte[length];
            in.get(wrapped);
            var header = new EnvelopeHeader(scheme, kind, fingerprint, point, java.util.HexFormat.of().formatHex(kcv));
            return new KeyEnvelope(header, wrapped);
        } catch (BufferUnderflowException e) {
            throw malformed("truncated after " + bytes.length + " bytes");
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    /** {@link #decode(byte[])} of base64 text. */
    public static KeyEnvelope fromBase64(String base64) {
        try {
            return decode(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw malformed("not base64");
        }
    }

    private static EnvelopeException malformed(String why) {
        return new EnvelopeException(EnvelopeException.Reason.MALFORMED, why);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyEnvelope e && header.equals(e.header) && Arrays.equals(wrapped, e.wrapped);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
        return "KeyEnvelope[" + header + ", " + wrapped.length + " wrapped bytes]";
    }
}
