package io.fuseline.esp.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed errors for broken binaries, bad CSV and invalid layouts (the rejections gen_esp32part makes). */
class PartitionTableValidationTest {

    private static PartitionProblem problemOf(Runnable r) {
        try {
            r.run();
        } catch (PartitionTableException e) {
            return e.problem();
        }
        throw new AssertionError("expected a PartitionTableException");
    }

    @Test
    void md5MismatchNamesStoredAndComputedDigest() throws Exception {
        byte[] bin = PartitionVectors.bytes("singleapp.bin");
        bin[0x0C] = 'N'; // rename "nvs" to "Nvs" without fixing the MD5 entry

        PartitionProblem p = problemOf(() -> PartitionTable.parse(bin));

        byte[] computed = MessageDigest.getInstance("MD5").digest(Arrays.copyOf(bin, 0x60));
        assertThat(p).isEqualTo(new PartitionProblem.Md5Mismatch(Arrays.copyOfRange(bin, 0x70, 0x80), computed));
        assertThat(p.message()).contains("stored f4ad4f45").contains("computed");
    }

    @Test
    void badMagicAndMissingEndMarker() {
        byte[] bin = PartitionVectors.bytes("singleapp.bin");
        byte[] magic = bin.clone();
        magic[0x20] = 0x55;
        assertThat(problemOf(() -> PartitionTable.parse(magic))).isEqualTo(new PartitionProblem.BadMagic(0x20, 0x5055));
        assertThat(problemOf(() -> PartitionTable.parse(Arrays.copyOf(bin, 0x80))))
                .isEqualTo(new PartitionProblem.MissingEndMarker(0x80));
    }

    @Test
    void tooManyEntriesAreRefusedAtTheToolsLimit() {
        List<PartitionEntry> entries = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            entries.add(PartitionEntry.of("p" + i, 1, 0x81, 0x10000L + 0x1000L * i, 0x1000, false, false));
        }
        assertThat(new PartitionTable(entries.subList(0, 94)).toBytes()).hasSize(0xC00);
        assertThat(problemOf(() -> new PartitionTable(entries).toBytes()))
                .isEqualTo(new PartitionProblem.TooManyEntries(95, 94));
    }

    @Test
    void duplicateNamesOverlapsAndMisalignedAppsAreAllReported() {
        PartitionTable table = new PartitionTable(List.of(
                PartitionEntry.of("nvs", 1, 2, 0x9000, 0x6000, false, false),
                PartitionEntry.of("nvs", 1, 1, 0xE000, 0x1000, false, false),
                PartitionEntry.of("factory", 0, 0, 0x18000, 0x100000, false, false),
                PartitionEntry.of("tiny_nvs", 1, 2, 0x200000, 0x2000, false, false),
                PartitionEntry.of("otadata", 1, 0, 0x300000, 0x1000, false, true),
                PartitionEntry.of("boot", 1, 0x81, 0x1000, 0x1000, false, false)));

        assertThat(table.validate()).containsExactlyInAnyOrder(
                new PartitionProblem.Misaligned("factory", "offset", 0x18000, 0x10000),
                new PartitionProblem.InvalidPartition("tiny_nvs",
                        "NVS of 0x2000 bytes must be flagged readonly (read-write NVS needs at least 0x3000)"),
                new PartitionProblem.InvalidPartition("otadata",
                        "otadata and coredump partitions are always read-write and cannot be readonly"),
                new PartitionProblem.InvalidPartition("otadata", "otadata size 0x1000, must be 0x2000"),
                new PartitionProblem.DuplicateName("nvs"),
                new PartitionProblem.BelowTableEnd("boot", 0x1000, 0x9000),
                new PartitionProblem.Overlap("nvs", 0xE000, "nvs", 0xF000));
    }

    @Test
    void appSizeMustBeWholeSectors() {
        PartitionTable table = new PartitionTable(List.of(PartitionEntry.of("factory", 0, 0, 0x10000, 0x10800, false,
                false)));

        assertThat(table.validate()).containsExactly(new PartitionProblem.Misaligned("factory", "size", 0x10800, 0x1000));
    }

    @Test
    void csvErrorsNameTheLine() {
        assertThat(problemOf(() -> PartitionCsv.read("# x\nnvs, data, nvs, 0x9000, 0x6000,\nphy, data, phy, 0xe000, 0x1000,\n")))
                .isEqualTo(new PartitionProblem.CsvError(3, "partitions overlap: offset 0xe000, previous partition ends 0xf000"));
        assertThat(problemOf(() -> PartitionCsv.read("nvs, data, nvs, , 0x6000, secret")))
                .isEqualTo(new PartitionProblem.CsvError(1, "unknown flag 'secret'"));
        assertThat(problemOf(() -> PartitionCsv.read("nvs, data, nvs, ,")))
                .isEqualTo(new PartitionProblem.CsvError(1, "size field can't be empty"));
        assertThat(problemOf(() -> PartitionCsv.read("f, app, , , 1M")))
                .isEqualTo(new PartitionProblem.CsvError(1, "app partition cannot have an empty subtype"));
        assertThat(problemOf(() -> PartitionCsv.read("f, app, ota_16, , 1M")).message()).contains("ota_16");
        assertThat(problemOf(() -> PartitionCsv.read("a_name_longer_than_16, data, nvs, , 24K")).message())
                .contains("longer than 16");
    }

    @Test
    void csvNumbersFollowPythonAndSuffixes() {
        PartitionTable t = PartitionCsv.read("\uFEFFa, data, 0x99, , 24k\nb, 0x40, 7, 0o2000000, 1m\n"
                + "c, data, fat, , 0b1000000000000\nd, app, ota_3, , -0x500000\n");

        assertThat(t.entries()).containsExactly(
                PartitionEntry.of("a", 1, 0x99, 0x9000, 0x6000, false, false),
                PartitionEntry.of("b", 0x40, 7, 0x80000, 0x100000, false, false),
                PartitionEntry.of("c", 1, 0x81, 0x180000, 0x1000, false, false),
                PartitionEntry.of("d", 0, 0x13, 0x190000, 0x370000, false, false));
    }
}
