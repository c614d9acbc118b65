package io.fuseline.esp.partition;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary table as gen_esp32part.py writes it and the bootloader reads it: the entries, an MD5 entry
 * ({@code EB EB}, 14 x 0xFF, MD5 of all entry bytes before it), then 0xFF up to {@value #SIZE} bytes.
 */
final class PartitionTableBinary {
    /** Bytes of the table data; the rest of the 4 KB sector is left for a signature. */
    static final int SIZE = 0xC00;
    /** Entries that fit with the MD5 entry and at least one 0xFF end marker (the tool's limit). */
    static final int MAX_ENTRIES = SIZE / PartitionEntry.LENGTH - 2;

    private PartitionTableBinary() {
    }

    static byte[] generate(List<PartitionEntry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new PartitionTableException(new PartitionProblem.TooManyEntries(entries.size(), MAX_ENTRIES));
        }
        byte[] out = new byte[SIZE];
        Arrays.fill(out, (byte) 0xFF);
        MessageDigest md5 = md5();
        int pos = 0;
        for (PartitionEntry e : entries) {
            byte[] b = e.toBytes();
            md5.update(b);
            System.arraycopy(b, 0, out, pos, b.length);
            pos += b.length;
        }
        out[pos] = (byte) 0xEB;
        out[pos + 1] = (byte) 0xEB;
        System.arraycopy(md5.digest(), 0, out, pos + 16, 16);
        return out;
    }

    static List<PartitionEntry> parse(byte[] bytes) {
        MessageDigest md5 = md5();
        List<PartitionEntry> entries = new ArrayList<>();
        for (int off = 0; off + PartitionEntry.LENGTH <= bytes.length; off += PartitionEntry.LENGTH) {
            if (allFf(bytes, off)) {
                return entries;
            }
            int magic = (bytes[off] & 0xFF) | (bytes[off + 1] & 0xFF) << 8;
            if (magic == 0xEBEB) {
                byte[] computed = digestSoFar(md5);
                byte[] stored = Arrays.copyOfRange(bytes, off + 16, off + 32);
                if (!MessageDigest.isEqual(stored, computed)) {
                    throw new PartitionTableException(new PartitionProblem.Md5Mismatch(stored, computed));
                }
                continue;
            }
            if (magic != PartitionEntry.MAGIC) {
                throw new PartitionTableException(new PartitionProblem.BadMagic(off, magic));
            }
            md5.update(bytes, off, PartitionEntry.LENGTH);
            entries.add(PartitionEntry.parse(bytes, off));
        }
        throw new PartitionTableException(new PartitionProblem.MissingEndMarker(bytes.length));
    }

    // gen_esp32part keeps hashing past an MD5 entry, so a digest here must not reset the running one
    private static byte[] digestSoFar(MessageDigest md5) {
        try {
            return ((MessageDigest) md5.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 is cloneable", e);
        }
    }

    private static boolean allFf(byte[] b, int off) {
        for (int i = off; i < off + PartitionEntry.LENGTH; i++) {
            if (b[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JDK", e);
        }
    }
}
