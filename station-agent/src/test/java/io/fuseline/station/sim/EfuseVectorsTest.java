package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseRegisters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives the eFuse controller models with the exact register writes espefuse made for each recorded burn
 * ({@code vectors/efuse/burn_writes.tsv}), issues the program command the way espefuse does, and compares every
 * block's read registers with the window espefuse's own emulator left ({@code NN_step.regs.bin}): keys, digests,
 * purposes, write and read protection, crypt counters, a refused burn. Starts from the recorded blank chip.
 */
class EfuseVectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"esp32, ESP32", "esp32s3, ESP32S3", "esp32c3, ESP32C3"})
    void everyRecordedBurnLeavesTheRecordedBlocks(String run, ChipFamily family) {
        EfuseChip chip = EfuseChip.of(family);
        EfuseRegisters blank = EfuseRegisters.fromMemoryImage(chip, resource(run + "/00_blank.regs.bin"));
        EfuseController c = EfuseController.of(blank);
        List<String> steps = lines(run + "/steps.tsv").stream().skip(2).map(l -> l.split("\t")[0]).toList();
        List<String[]> writes = lines("burn_writes.tsv").stream().map(l -> l.split("\t"))
                .filter(f -> f[0].equals(run)).toList();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(3);
        for (String step : steps) {
            for (String[] row : writes) {
                if (row[1].equals(step)) {
                    burn(c, chip, Integer.parseInt(row[2]), row[3]);
                }
            }
            EfuseRegisters expected = EfuseRegisters.fromMemoryImage(chip, resource(run + "/" + step + ".regs.bin"));
            EfuseRegisters ours = c.snapshot();
            for (EfuseBlock b : chip.blocks()) {
                assertThat(ours.readWords(b)).as("%s after %s, %s", run, step, b.name())
                        .containsExactly(expected.readWords(b));
            }
        }
    }

    /** The staged words, then CONF = write and the program command (all blocks on the ESP32, one on S3/C3). */
    private static void burn(EfuseController c, EfuseChip chip, int block, String assignments) {
        for (String a : assignments.split(",")) {
            String[] kv = a.split("=");
            long address = Long.decode(kv[0]);
            c.write((int) (address - chip.baseAddress()), (int) (long) Long.decode(kv[1]));
        }
        c.write(chip.confOffset(), 0x5A5A);
        c.write(chip.cmdOffset(), chip.family() == ChipFamily.ESP32 ? 2 : 2 | block << 2);
        c.write(chip.confOffset(), 0x5AA5);
        c.write(chip.cmdOffset(), 1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = EfuseVectorsTest.class.getResourceAsStream("/vectors/efuse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/efuse/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String name) {
        List<String> out = new ArrayList<>(new String(resource(name), StandardCharsets.UTF_8).lines().toList());
        out.removeIf(String::isBlank);
        return out;
    }
}
