package io.fuseline.esp.partition;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Something wrong with a partition table. Binary and CSV problems end reading and arrive in a
 * {@link PartitionTableException}; layout problems are all returned by {@link PartitionTable#validate}.
 */
public sealed interface PartitionProblem {
    /** A one-line message naming what was read and what was expected. */
    String message();

    /** The entry at {@code entryOffset} starts with {@code found} (u16 LE) instead of 0x50AA. */
    record BadMagic(int entryOffset, int found) implements PartitionProblem {
        public String message() {
            return String.format("entry at 0x%x has magic 0x%04x, expected 0x%04x or an MD5 entry 0xebeb",
                    entryOffset, found, PartitionEntry.MAGIC);
        }
    }

    /** The MD5 entry's digest differs from the MD5 of the entries before it. */
    record Md5Mismatch(byte[] stored, byte[] computed) implements PartitionProblem {
        public Md5Mismatch {
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
            return "partition table MD5 mismatch: stored " + HexFormat.of().formatHex(stored) + ", computed "
                    + HexFormat.of().formatHex(computed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Md5Mismatch m && Arrays.equals(stored, m.stored) && Arrays.equals(computed, m.computed);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(stored) * 31 + Arrays.hashCode(computed);
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /** No all-0xFF end marker within the {@code length} bytes given. */
    record MissingEndMarker(int length) implements PartitionProblem {
        public String message() {
            return "no end-of-table marker (32 x 0xFF) in " + length + " bytes";
        }
    }

    /** More entries than fit with the MD5 entry and an end marker into 0xC00 bytes. */
    record TooManyEntries(int count, int max) implements PartitionProblem {
        public String message() {
            return count + " partitions do not fit into the table, at most " + max;
        }
    }

    /** A CSV line that cannot be read; {@code line} is 1-based. */
    record CsvError(int line, String reason) implements PartitionProblem {
        public String message() {
            return "partition CSV line " + line + ": " + reason;
        }
    }

    /** Two or more partitions are called {@code name}. */
    record DuplicateName(String name) implements PartitionProblem {
        public String message() {
            return "partition name '" + name + "' is used more than once";
        }
    }

    /** {@code name} starts at {@code offset}, before {@code previous} ends at {@code previousEnd}. */
    record Overlap(String name, long offset, String previous, long previousEnd) implements PartitionProblem {
        public String message() {
            return String.format("partition '%s' at 0x%x overlaps '%s', which ends at 0x%x", name, offset, previous,
                    previousEnd);
        }
    }

    /** {@code name} starts inside the bootloader / partition table area, below {@code tableEnd}. */
    record BelowTableEnd(String name, long offset, long tableEnd) implements PartitionProblem {
        public String message() {
            return String.format("partition '%s' at 0x%x lies below the end of the partition table 0x%x", name,
                    offset, tableEnd);
        }
    }

    /** {@code name}'s offset (or, for apps, size: {@code field}) is not a multiple of {@code alignment}. */
    record Misaligned(String name, String field, long value, long alignment) implements PartitionProblem {
        public String message() {
            return String.format("partition '%s' %s 0x%x is not aligned to 0x%x", name, field, value, alignment);
        }
    }

    /** A flag combination or size ESP-IDF rejects for this kind of partition. */
    record InvalidPartition(String name, String reason) implements PartitionProblem {
        public String message() {
            return "partition '" + name + "': " + reason;
        }
    }
}
