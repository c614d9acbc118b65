package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The espefuse v4.12.0 vectors copied from vectors/efuse/ (see MANIFEST.md) and small readers for them. */
final class EfuseVectors {
    static final HexFormat HEX = HexFormat.of();

    /** One espefuse command of a scenario folder and the files it left. */
    record Step(String scenario, String snapshot, String args, int exitCode) {
        ChipFamily family() {
            return scenario.startsWith("esp32s3") ? ChipFamily.ESP32S3
                    : scenario.startsWith("esp32c3") ? ChipFamily.ESP32C3 : ChipFamily.ESP32;
        }

        EfuseChip chip() { return EfuseChip.of(family()); }

        EfuseRegisters registers() {
            return EfuseRegisters.fromMemoryImage(chip(), bytes(scenario + "/" + snapshot + ".regs.bin"));
        }

        Optional<String> summaryJson() {
            return optionalText(scenario + "/" + snapshot + ".summary.json");
        }

        @Override
        public String toString() { return scenario + "/" + snapshot; }
    }

    static final List<String> SCENARIOS = List.of("esp32", "esp32_protected", "esp32_coding34",
            "esp32_block1_raw_name", "esp32s3", "esp32s3_protected", "esp32c3");

    private EfuseVectors() {
    }

    static List<Step> steps(String scenario) {
        List<Step> out = new ArrayList<>();
        for (String[] row : tsv(scenario + "/steps.tsv")) {
            out.add(new Step(scenario, row[0], row[1], Integer.parseInt(row[2])));
        }
        return out;
    }

    static List<Step> allSteps() {
        List<Step> out = new ArrayList<>();
        SCENARIOS.forEach(s -> out.addAll(steps(s)));
        return out;
    }

    /** Rows after the header line; lines starting with '#' are skipped. */
    static List<String[]> tsv(String name) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text(name).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    static byte[] bytes(String name) {
        try (InputStream in = EfuseVectors.class.getResourceAsStream("/vectors/efuse/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static Optional<String> optionalText(String name) {
        try (InputStream in = EfuseVectors.class.getResourceAsStream("/vectors/efuse/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] reversed(byte[] in) {
        byte[] out = Arrays.copyOf(in, in.length);
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
