package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block constants of each chip class against espefuse's generated {@code blocks_<chip>.tsv}. */
class EfuseChipTest {

    @Test
    void blocksMatchEspefuseTables() {
        for (ChipFamily family : ChipFamily.values()) {
            EfuseChip chip = EfuseChip.of(family);
            String header = EfuseVectors.text("blocks_" + family.toolName() + ".tsv").lines().findFirst().orElseThrow();
            assertThat(header).contains(String.format("DR_REG_EFUSE_BASE=0x%x", chip.baseAddress()))
                    .contains(String.format("EFUSE_MEM_SIZE=0x%x", chip.windowBytes()));
            List<String[]> rows = EfuseVectors.tsv("blocks_" + family.toolName() + ".tsv");
            assertThat(chip.blocks()).hasSize(rows.size());
            for (String[] r : rows) {
                EfuseBlock b = chip.block(Integer.parseInt(r[2]));
                assertThat(b.name()).isEqualTo(r[0]);
                assertThat(String.join(",", b.aliases())).isEqualTo(r[1]);
                assertThat(chip.address(b.readOffset())).isEqualTo(Long.decode(r[3]));
                assertThat(chip.address(b.writeOffset())).isEqualTo(Long.decode(r[4]));
                assertThat(b.writeDisableBit().isPresent() ? String.valueOf(b.writeDisableBit().getAsInt()) : "None")
                        .isEqualTo(r[5]);
                assertThat(b.readDisableBit().isPresent() ? String.valueOf(b.readDisableBit().getAsInt()) : "None")
                        .isEqualTo(r[6]);
                assertThat(b.lengthWords()).isEqualTo(Integer.parseInt(r[7]));
                assertThat(b.keyPurposeField().orElse("None")).isEqualTo(r[8]);
            }
        }
    }

    @Test
    void codingSchemesFollowTheChip() {
        EfuseChip esp32 = EfuseChip.of(ChipFamily.ESP32);
        EfuseRegisters blank = EfuseRegisters.blank(esp32);
        assertThat(esp32.codingScheme(1, blank)).isEqualTo(CodingScheme.NONE);
        EfuseRegisters coded = EfuseVectors.steps("esp32_coding34").get(0).registers();
        assertThat(esp32.codingScheme(1, coded)).isEqualTo(CodingScheme.ESP32_3_4);
        assertThat(esp32.codingScheme(0, coded)).isEqualTo(CodingScheme.NONE);
        assertThat(coded.readWords(esp32.block(1))).hasSize(6);
        EfuseChip s3 = EfuseChip.of(ChipFamily.ESP32S3);
        assertThat(s3.codingScheme(0, EfuseRegisters.blank(s3))).isEqualTo(CodingScheme.NONE);
        assertThat(s3.codingScheme(4, EfuseRegisters.blank(s3))).isEqualTo(CodingScheme.REED_SOLOMON);
    }

    @Test
    void addressesToReadCoverEveryBlock() {
        EfuseChip c3 = EfuseChip.of(ChipFamily.ESP32C3);
        assertThat(EfuseRegisters.addressesToRead(c3)).hasSize(6 + 6 + 8 * 9 + 2)
                .contains(0x6000882cL, 0x6000895cL + 28, 0x600089c0L);
    }

    @Test
    void readingsBuildTheSameSnapshotAsAnImage() {
        EfuseRegisters image = EfuseVectors.steps("esp32s3").get(12).registers();
        java.util.Map<Long, Integer> readings = new java.util.HashMap<>();
        for (long a : EfuseRegisters.addressesToRead(image.chip())) {
            readings.put(a, image.word((int) (a - image.chip().baseAddress())));
        }
        EfuseRegisters fromReadings = EfuseRegisters.fromReadings(image.chip(), readings);
        assertThat(EfuseDecoder.decode(fromReadings).fields()).isEqualTo(EfuseDecoder.decode(image).fields());
    }
}
