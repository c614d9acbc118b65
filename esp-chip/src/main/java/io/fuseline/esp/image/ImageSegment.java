package io.fuseline.esp.image;

import java.util.Arrays;

/**
 * One segment of an image: {@code data} is loaded (or mapped) at {@code loadAddress}. {@code fileOffset}
 * is where its 8-byte segment header starts in the image (esptool's "File offs"), so the data starts at
 * {@code fileOffset + 8}. Immutable: the data is copied in and out.
 */
public record ImageSegment(long loadAddress, int fileOffset, byte[] data) {
    /** Bytes of a segment header: load address u32, length u32. */
    public static final int HEADER_LENGTH = 8;

    public ImageSegment {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of the data in bytes. */
    public int length() {
        return data.length;
    }

    /** File offset of the first data byte. */
    public long dataOffset() {
        return (long) fileOffset + HEADER_LENGTH;
    }

    /** The first {@code n} data bytes (fewer if the segment is shorter), without copying all of it. */
    byte[] head(int n) {
        return Arrays.copyOf(data, Math.min(n, data.length));
    }

    /** XORs every data byte into {@code checksum}. */
    int foldChecksum(int checksum) {
        int c = checksum;
        for (byte b : data) {
            c ^= b;
        }
        return c & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSegment s && loadAddress == s.loadAddress && fileOffset == s.fileOffset
                && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(loadAddress) * 31 + fileOffset * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ImageSegment[load=0x%08x, fileOffset=0x%x, length=0x%x]", loadAddress, fileOffset,
                data.length);
    }
}
