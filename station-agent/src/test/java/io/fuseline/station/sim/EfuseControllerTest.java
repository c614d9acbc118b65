package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.Esp32Efuse;
import io.fuseline.esp.efuse.Esp32S3Efuse;
import io.fuseline.esp.efuse.ReedSolomon;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The register-level eFuse models, driven the way espefuse drives them over READ_REG/WRITE_REG (NOTES §d.5). */
class EfuseControllerTest {

    static final int[] KEY = {0x3b5066da, 0xf5726170, 0x7cd6763a, 0x9780cbea, 0x0c9a0584, 0x56f39fdb, 0x2da1e17a,
        0x0227f81a};

    @Test
    void esp32ProgramOrsTheWriteRegistersIntoTheArrayAndClearsThem() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32));
        esp32Burn(c, 0x098, KEY);
        assertThat(readBlock(c, 0x038)).containsExactly(KEY);
        assertThat(c.read(0x098)).isZero();
        esp32Burn(c, 0x098, new int[] {0xFFFF_FFFF, 0, 0, 0, 0, 0, 0, 0});
        assertThat(c.read(0x038)).isEqualTo(0xFFFF_FFFF);
        assertThat(c.read(0x03C)).isEqualTo(KEY[1]);
    }

    @Test
    void esp32WriteAndReadProtection() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32));
        esp32Burn(c, 0x098, KEY);
        // BLOCK0 write regs: WR_DIS bit 7 (BLOCK1), RD_DIS bit 0 (BLOCK1 → bit 16 of word 0).
        esp32Burn(c, 0x01C, new int[] {1 << 7 | 1 << 16, 0, 0, 0, 0, 0, 0});
        esp32Burn(c, 0x098, new int[] {-1, -1, -1, -1, -1, -1, -1, -1});
        assertThat(readBlock(c, 0x038)).containsOnly(0);
        assertThat(c.hardwareWords(1)).containsExactly(KEY);
    }

    @Test
    void esp32ThreeQuarterCodingErrorsShowInDecStatus() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32));
        esp32Burn(c, 0x01C, new int[] {0, 0, 0, 0, 0, 0, Esp32Efuse.CODING_SCHEME_34});
        esp32Burn(c, 0x0B8, new int[] {1, 0, 0, 0, 0, 0, 0, 0});
        assertThat(c.read(Esp32Efuse.DEC_STATUS) & 0xFFF).isNotZero();
    }

    @Test
    void aBurnThatDoesNotStickChangesNothing() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32));
        c.setBurnsStick(false);
        esp32Burn(c, 0x098, KEY);
        assertThat(readBlock(c, 0x038)).containsOnly(0);
    }

    @Test
    void s3ProgramsOneBlockWithItsParityAndReportsABadCodewordAsAnRsFailure() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32S3));
        s3Burn(c, 4, KEY, true);
        assertThat(readBlock(c, 0x09C)).containsExactly(KEY);
        assertThat(c.read(Esp32S3Efuse.RD_RS_ERR0)).isZero();
        // Parity of all-zero data with non-zero data words: not a codeword; nothing is burned, the block is flagged.
        s3Burn(c, 5, KEY, false);
        assertThat(readBlock(c, 0x0BC)).containsOnly(0);
        // Block 5 is the fifth nibble (BLOCK1 at bit 0): fail bit 3 of it.
        assertThat(c.read(Esp32S3Efuse.RD_RS_ERR0) >>> 16 & 0xF).isEqualTo(0x8);
    }

    @Test
    void anEfuseFileSurvivesARestartInEspefuseVirtualFileLayout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("efuse.bin");
        EfuseChip chip = EfuseChip.of(ChipFamily.ESP32);
        EfuseController c = EfuseController.persistent(chip, file, fresh -> fresh.factoryBurn(0, new int[] {0, 7}));
        esp32Burn(c, 0x098, KEY);
        EfuseController again = EfuseController.persistent(chip, file, fresh -> {
            throw new AssertionError("the file exists: no fresh chip");
        });
        assertThat(readBlock(again, 0x038)).containsExactly(KEY);
        assertThat(again.read(0x004)).isEqualTo(7);
        assertThat(io.fuseline.esp.efuse.EfuseRegisters.fromVirtualFile(chip, java.nio.file.Files.readAllBytes(file)))
                .isEqualTo(c.snapshot());
    }

    @Test
    void s3WriteDisabledBlocksStayAndReadDisabledBlocksReadZero() {
        EfuseController c = EfuseController.blank(EfuseChip.of(ChipFamily.ESP32S3));
        s3Burn(c, 5, KEY, true);
        // BLOCK0: word0 WR_DIS bit 24 (KEY1), word1 RD_DIS bit 1 (KEY1).
        s3Burn(c, 0, new int[] {1 << 24, 1 << 1, 0, 0, 0, 0, 0, 0}, false);
        s3Burn(c, 5, new int[] {-1, -1, -1, -1, -1, -1, -1, -1}, true);
        assertThat(readBlock(c, 0x0BC)).containsOnly(0);
        assertThat(c.hardwareWords(5)).containsExactly(KEY);
        assertThat(c.field("RD_DIS")).isEqualTo(2);
    }

    static void esp32Burn(EfuseController c, int writeOffset, int[] words) {
        for (int i = 0; i < words.length; i++) {
            c.write(writeOffset + 4 * i, words[i]);
        }
        c.write(Esp32Efuse.CONF, Esp32Efuse.CONF_WRITE);
        c.write(Esp32Efuse.CMD, Esp32Efuse.CMD_PROGRAM);
        assertThat(c.read(Esp32Efuse.CMD)).isZero();
        c.write(Esp32Efuse.CONF, Esp32Efuse.CONF_READ);
        c.write(Esp32Efuse.CMD, Esp32Efuse.CMD_READ);
    }

    static void s3Burn(EfuseController c, int block, int[] words, boolean rs) {
        for (int i = 0; i < 8; i++) {
            c.write(Esp32S3Efuse.PGM_DATA0 + 4 * i, words[i]);
        }
        if (rs) {
            ByteBuffer p = ByteBuffer.wrap(ReedSolomon.parity(bytes(words)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 3; i++) {
                c.write(Esp32S3Efuse.PGM_CHECK_VALUE0 + 4 * i, p.getInt());
            }
        }
        c.write(Esp32S3Efuse.CONF, Esp32S3Efuse.CONF_WRITE);
        c.write(Esp32S3Efuse.CMD, Esp32S3Efuse.CMD_PROGRAM | block << 2);
        for (int i = 0; i < 11; i++) {
            c.write(Esp32S3Efuse.PGM_DATA0 + 4 * i, 0);
        }
    }

    static int[] readBlock(EfuseController c, int readOffset) {
        int[] out = new int[8];
        for (int i = 0; i < 8; i++) {
            out[i] = c.read(readOffset + 4 * i);
        }
        return out;
    }

    static byte[] bytes(int[] words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }
}
