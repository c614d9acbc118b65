package io.fuseline.esp.partition;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One 32-byte entry of the binary table: magic {@code AA 50}, type u8, subtype u8, offset u32 LE,
 * size u32 LE, label[16] (UTF-8, NUL-padded, not necessarily NUL-terminated), flags u32 LE (bit 0
 * encrypted, bit 1 readonly; other bits kept as read).
 */
public record PartitionEntry(String name, int type, int subtype, long offset, long size, int flags) {
    /** Bytes per entry. */
    public static final int LENGTH = 32;
    /** Bytes 0..1 of an entry, as a little-endian u16 (bytes {@code AA 50}). */
    public static final int MAGIC = 0x50AA;
    /** Longest label, in UTF-8 bytes. */
    public static final int NAME_LENGTH = 16;
    /** The partition is encrypted with flash encryption (the bootloader and IDF map it decrypted). */
    public static final int FLAG_ENCRYPTED = 1;
    /** The partition is mounted read-only. */
    public static final int FLAG_READONLY = 2;

    public PartitionEntry {
        if (name.getBytes(StandardCharsets.UTF_8).length > NAME_LENGTH) {
            throw new IllegalArgumentException("partition name '" + name + "' is longer than " + NAME_LENGTH
                    + " UTF-8 bytes");
        }
        if (type < 0 || type > 0xFF || subtype < 0 || subtype > 0xFF) {
            throw new IllegalArgumentException("type and subtype are bytes, got " + type + "/" + subtype);
        }
        if (offset < 0 || offset > 0xFFFF_FFFFL || size < 0 || size > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("offset and size are u32, got " + offset + "/" + size);
        }
    }

    /** An entry with the given flags from booleans. */
    public static PartitionEntry of(String name, int type, int subtype, long offset, long size, boolean encrypted,
                                    boolean readonly) {
        return new PartitionEntry(name, type, subtype, offset, size,
                (encrypted ? FLAG_ENCRYPTED : 0) | (readonly ? FLAG_READONLY : 0));
    }

    public boolean encrypted() {
        return (flags & FLAG_ENCRYPTED) != 0;
    }

    public boolean readonly() {
        return (flags & FLAG_READONLY) != 0;
    }

    /** First byte after the partition. */
    public long end() {
        return offset + size;
    }

    /** True if this is an app partition (factory, OTA, test). */
    public boolean isApp() {
        return type == PartitionTypes.APP;
    }

    /** The 32 entry bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) 0xAA;
        b[1] = 0x50;
        b[2] = (byte) type;
        b[3] = (byte) subtype;
        put32(b, 4, offset);
        put32(b, 8, size);
        byte[] label = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(label, 0, b, 12, label.length);
        put32(b, 28, flags & 0xFFFF_FFFFL);
        return b;
    }

    /** Reads the entry at {@code off}; the caller has checked the magic. The label ends at its first NUL. */
    static PartitionEntry parse(byte[] b, int off) {
        byte[] label = Arrays.copyOfRange(b, off + 12, off + 28);
        int len = 0;
        while (len < label.length && label[len] != 0) {
            len++;
        }
        return new PartitionEntry(new String(label, 0, len, StandardCharsets.UTF_8), b[off + 2] & 0xFF,
                b[off + 3] & 0xFF, u32(b, off + 4), u32(b, off + 8), (int) u32(b, off + 28));
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    private static void put32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
