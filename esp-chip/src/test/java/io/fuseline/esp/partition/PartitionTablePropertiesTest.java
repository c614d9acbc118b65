package io.fuseline.esp.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(generate(x)) = x for any table that fits, and the CSV form round-trips laid-out tables. */
class PartitionTablePropertiesTest {

    @Property(tries = 300)
    void parseOfGenerateIsIdentity(@ForAll("anyTable") PartitionTable table) {
        byte[] bytes = table.toBytes();

        assertThat(bytes).hasSize(PartitionTable.SIZE);
        assertThat(PartitionTable.parse(bytes)).isEqualTo(table);
    }

    @Property(tries = 200)
    void csvRoundTripsLaidOutTables(@ForAll("laidOutTable") PartitionTable table) {
        assertThat(PartitionCsv.read(PartitionCsv.write(table))).isEqualTo(table);
    }

    @Provide
    Arbitrary<PartitionTable> anyTable() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(16);
        Arbitrary<PartitionEntry> entry = Combinators.combine(names, Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers())
                .as(PartitionEntry::new);
        return entry.list().ofMaxSize(PartitionTable.MAX_ENTRIES).map(PartitionTable::new);
    }

    @Provide
    Arbitrary<PartitionTable> laidOutTable() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz_019").ofMinLength(1).ofMaxLength(16);
        Arbitrary<int[]> shape = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 3))
                .as((type, subtype, sectors, gap, flags) -> new int[] {type, subtype, sectors, gap, flags});
        return Combinators.combine(names.list().uniqueElements().ofMaxSize(20), shape.list().ofSize(20))
                .as((ns, shapes) -> {
                    List<PartitionEntry> entries = new ArrayList<>();
                    long next = PartitionTable.DEFAULT_OFFSET + PartitionTable.SECTOR;
                    for (int i = 0; i < ns.size(); i++) {
                        int[] s = shapes.get(i);
                        int type = s[0] == 2 ? 0x40 : s[0] == 3 ? PartitionTypes.DATA : s[0]; // no bootloader rows
                        long align = type == PartitionTypes.APP ? 0x10000 : 0x1000;
                        long offset = (next + align - 1) / align * align + 0x1000L * s[3] * (align / 0x1000);
                        long size = 0x1000L * s[2];
                        entries.add(new PartitionEntry(ns.get(i), type, s[1], offset, size, s[4]));
                        next = offset + size;
                    }
                    return new PartitionTable(entries);
                });
    }
}
