package io.fuseline.esp.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The checks gen_esp32part.py runs before it writes a table (no secure boot), all reported at once. */
final class PartitionTableValidator {
    /** App partitions start on a 64 KB MMU page. */
    static final long APP_OFFSET_ALIGN = 0x10000;
    /** Everything else starts on a 4 KB flash sector; app sizes are whole sectors too. */
    static final long SECTOR_ALIGN = 0x1000;
    /** A read-write NVS needs at least three pages (one is always kept free). */
    static final long NVS_RW_MIN_SIZE = 0x3000;
    static final long OTADATA_SIZE = 0x2000;

    private PartitionTableValidator() {
    }

    static List<PartitionProblem> validate(PartitionTable table, long tableOffset) {
        List<PartitionProblem> problems = new ArrayList<>();
        table.entries().forEach(e -> checkEntry(e, problems));
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        table.entries().forEach(e -> {
            if (!seen.add(e.name())) {
                duplicates.add(e.name());
            }
        });
        duplicates.forEach(n -> problems.add(new PartitionProblem.DuplicateName(n)));
        checkLayout(table, tableOffset, problems);
        List<PartitionEntry> otadata = table.findAll(PartitionTypes.DATA, PartitionTypes.DATA_OTA);
        if (otadata.size() > 1) {
            problems.add(new PartitionProblem.InvalidPartition(otadata.get(1).name(), "only one otadata partition "
                    + "(data/ota) is allowed, found " + otadata.size()));
        }
        otadata.stream().filter(e -> e.size() != OTADATA_SIZE).forEach(e -> problems.add(
                new PartitionProblem.InvalidPartition(e.name(), String.format("otadata size 0x%x, must be 0x%x",
                        e.size(), OTADATA_SIZE))));
        return List.copyOf(problems);
    }

    private static void checkEntry(PartitionEntry e, List<PartitionProblem> problems) {
        long align = e.isApp() ? APP_OFFSET_ALIGN : SECTOR_ALIGN;
        if (e.offset() % align != 0) {
            problems.add(new PartitionProblem.Misaligned(e.name(), "offset", e.offset(), align));
        }
        if (e.isApp() && e.size() % SECTOR_ALIGN != 0) {
            problems.add(new PartitionProblem.Misaligned(e.name(), "size", e.size(), SECTOR_ALIGN));
        }
        boolean alwaysWritable = e.type() == PartitionTypes.DATA
                && (e.subtype() == PartitionTypes.DATA_OTA || e.subtype() == PartitionTypes.DATA_COREDUMP);
        if (alwaysWritable && e.readonly()) {
            problems.add(new PartitionProblem.InvalidPartition(e.name(), "otadata and coredump partitions are always "
                    + "read-write and cannot be readonly"));
        }
        if (e.type() == PartitionTypes.DATA && e.subtype() == PartitionTypes.DATA_NVS && e.size() < NVS_RW_MIN_SIZE
                && !e.readonly()) {
            problems.add(new PartitionProblem.InvalidPartition(e.name(), String.format("NVS of 0x%x bytes must be "
                    + "flagged readonly (read-write NVS needs at least 0x%x)", e.size(), NVS_RW_MIN_SIZE)));
        }
    }

    private static void checkLayout(PartitionTable table, long tableOffset, List<PartitionProblem> problems) {
        long tableEnd = tableOffset + PartitionTable.SECTOR;
        PartitionEntry last = null;
        for (PartitionEntry p : table.entries().stream().sorted(Comparator.comparingLong(PartitionEntry::offset))
                .toList()) {
            if (p.offset() < tableEnd && !isPrimaryBootloaderOrTable(p)) {
                problems.add(new PartitionProblem.BelowTableEnd(p.name(), p.offset(), tableEnd));
            }
            if (last != null && p.offset() < last.end()) {
                problems.add(new PartitionProblem.Overlap(p.name(), p.offset(), last.name(), last.end()));
            }
            last = p;
        }
    }

    // The tool lets the primary bootloader and the table itself appear as entries below the table's end.
    static boolean isPrimaryBootloaderOrTable(PartitionEntry e) {
        return (e.type() == PartitionTypes.BOOTLOADER || e.type() == PartitionTypes.PARTITION_TABLE)
                && e.subtype() == 0;
    }
}
