package io.fuseline.esp.image;

import java.util.HexFormat;

/**
 * Something wrong with an image. The structural problems ({@link BadMagic}, {@link Truncated},
 * {@link BadHashAppendedFlag}, {@link TooManySegments}, {@link UnknownChip}) end parsing and arrive in an
 * {@link ImageFormatException}; the others are found by {@link AppImage#verify()}, all at once, the way
 * {@code image_info} reports an invalid checksum and an invalid hash together.
 */
public sealed interface ImageProblem {
    /** A one-line message naming what was read and what was expected. */
    String message();

    /** Byte 0 is not 0xE9. */
    record BadMagic(int found) implements ImageProblem {
        public String message() {
            return String.format("invalid image magic 0x%02x, expected 0x%02x", found, ImageHeader.MAGIC);
        }
    }

    /** {@code what} needs {@code needed} bytes, the input has {@code available}. */
    record Truncated(String what, long needed, long available) implements ImageProblem {
        public String message() {
            return "image truncated: " + what + " needs " + needed + " bytes, " + available + " available";
        }
    }

    /** Extended-header byte 23 is neither 0 nor 1. */
    record BadHashAppendedFlag(int found) implements ImageProblem {
        public String message() {
            return String.format("hash-appended byte is 0x%02x, expected 0 or 1", found);
        }
    }

    /** More segments than the ROM accepts (16). */
    record TooManySegments(int count) implements ImageProblem {
        public String message() {
            return "image declares " + count + " segments, at most " + AppImage.MAX_SEGMENTS + " allowed";
        }
    }

    /** The chip id is not one whose memory map is known here. */
    record UnknownChip(int chipId) implements ImageProblem {
        public String message() {
            return "unknown image chip id " + chipId;
        }
    }

    /** The stored XOR checksum differs from the one computed over the segment data. */
    record ChecksumMismatch(int stored, int computed) implements ImageProblem {
        public String message() {
            return String.format("checksum mismatch: stored 0x%02x, computed 0x%02x", stored, computed);
        }
    }

    /** The appended SHA-256 differs from the SHA-256 of the image up to and including the checksum. */
    record DigestMismatch(byte[] stored, byte[] computed) implements ImageProblem {
        public DigestMismatch {
            stored = stored.clone();
            computed = computed.clone();
        }

        public byte[] stored() {
            return stored.clone();
        }

        public byte[] computed() {
            return computed.clone();
        }

        public String message() {
            return "SHA-256 mismatch: stored " + HexFormat.of().formatHex(stored) + ", computed "
                    + HexFormat.of().formatHex(computed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DigestMismatch d && java.util.Arrays.equals(stored, d.stored)
                    && java.util.Arrays.equals(computed, d.computed);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(stored) * 31 + java.util.Arrays.hashCode(computed);
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /**
     * A flash-mapped segment whose data does not sit at the same offset within a {@code pageSize} MMU page
     * as its load address: the bootloader cannot map it.
     */
    record FlashSegmentMisaligned(int segment, long loadAddress, long dataOffset, int pageSize)
            implements ImageProblem {
        public String message() {
            return String.format("segment %d loads at 0x%08x but its data is at file offset 0x%x "
                    + "(needs offset %% 0x%x == 0x%x)", segment, loadAddress, dataOffset, pageSize,
                    loadAddress % pageSize);
        }
    }
}
