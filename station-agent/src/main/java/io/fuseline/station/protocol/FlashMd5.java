package io.fuseline.station.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte MD5 digest SPI_FLASH_MD5 reports for a flash region. The ROM sends it as 32 lowercase ASCII hex
 * characters, the stub as 16 raw bytes; both parse to the same digest. Immutable.
 *
 * @param digest the 16 digest bytes
 */
public record FlashMd5(byte[] digest) {

    public static final int LENGTH = 16;

    public FlashMd5 {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("MD5 digest must be 16 bytes, was " + digest.length);
        }
        digest = digest.clone();
    }

    /**
     * Parses the response payload (status bytes already removed, see {@link Response#payload}).
     *
     * @throws UnexpectedResponseException if the payload does not have the dialect's length or the ROM's
     *                                     text is not hex
     */
    public static FlashMd5 parse(byte[] payload, StatusDialect dialect) throws UnexpectedResponseException {
        return switch (dialect) {
            case STUB -> {
                requireLength(payload, LENGTH, dialect);
                yield new FlashMd5(payload);
            }
            case ROM -> {
                requireLength(payload, 2 * LENGTH, dialect);
                yield new FlashMd5(parseHex(payload));
            }
        };
    }

    private static byte[] parseHex(byte[] ascii) throws UnexpectedResponseException {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int hi = Character.digit(ascii[2 * i], 16);
            int lo = Character.digit(ascii[2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                throw new UnexpectedResponseException(Opcode.SPI_FLASH_MD5, "ROM digest is not hex at byte " + 2 * i);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static void requireLength(byte[] payload, int expected, StatusDialect dialect)
            throws UnexpectedResponseException {
        if (payload.length != expected) {
            throw new UnexpectedResponseException(Opcode.SPI_FLASH_MD5, "payload is " + payload.length
                    + " bytes, the " + dialect + " sends " + expected);
        }
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Lowercase hex, as md5sum prints it. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlashMd5 m && Arrays.equals(m.digest, digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "FlashMd5[" + hex() + "]";
    }
}
