package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfuseControllerModelTest {

    @Test
    void writeProtectedBlocksIgnoreProgramsAndReadProtectedBlocksReadZero() {
        EfuseRegisters digest = EfuseVectors.steps("esp32").get(5).registers(); // BLOCK2 write-protected
        EfuseControllerModel model = new EfuseControllerModel(digest, UpdateSemantics.CHIP);
        EfuseChip chip = digest.chip();
        model.write(chip.address(0x0B8), 0xFFFFFFFF);
        model.write(chip.address(Esp32Efuse.CMD), Esp32Efuse.CMD_PROGRAM);
        assertThat(model.snapshot().readWords(chip.block(2))).isEqualTo(digest.readWords(chip.block(2)));
        assertThat(model.read(chip.address(0x0B8))).as("write registers cleared").isZero();
        assertThat(model.read(chip.address(Esp32Efuse.CMD))).isZero();
    }

    @Test
    void writeProtectedFieldsKeepTheirBits() {
        EfuseRegisters locked = EfuseVectors.steps("esp32").get(8).registers(); // WR_DIS bit 2
        EfuseControllerModel model = new EfuseControllerModel(locked, UpdateSemantics.CHIP);
        model.write(locked.chip().address(0x01C), 1 << 27 | 1 << 26);
        model.write(locked.chip().address(Esp32Efuse.CMD), Esp32Efuse.CMD_PROGRAM);
        assertThat(model.snapshot().word(0)).isEqualTo(locked.word(0));
    }

    @Test
    void aBadReedSolomonCodewordIsRejected() {
        EfuseChip s3 = EfuseChip.of(ChipFamily.ESP32S3);
        EfuseControllerModel model = new EfuseControllerModel(EfuseRegisters.blank(s3), UpdateSemantics.CHIP);
        model.write(s3.address(Esp32S3Efuse.PGM_DATA0), 1);
        assertThatThrownBy(() -> model.write(s3.address(Esp32S3Efuse.CMD), 0x12))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BLOCK_KEY0");
    }

    @Test
    void chipUpdateSemanticsGiveTheWordsSeenOnTheWire() {
        EfuseChip s3 = EfuseChip.of(ChipFamily.ESP32S3);
        BurnPlan plan = BurnPlanner.plan(EfuseRegisters.blank(s3), List.of(new BurnRequest.SetField("DIS_PAD_JTAG", 1)));
        EfuseControllerModel chip = new EfuseControllerModel(EfuseRegisters.blank(s3), UpdateSemantics.CHIP);
        chip.apply(ProgramSequence.of(plan));
        assertThat(chip.read(s3.address(Esp32S3Efuse.DAC_CONF))).isEqualTo(0x0001FE28);
        assertThat(chip.read(s3.address(Esp32S3Efuse.WR_TIM_CONF1))).isEqualTo(0x00300000);
        assertThat(chip.read(s3.address(Esp32S3Efuse.WR_TIM_CONF2))).isEqualTo(0x190);
        EfuseChip esp32 = EfuseChip.of(ChipFamily.ESP32);
        BurnPlan e = BurnPlanner.plan(EfuseRegisters.blank(esp32), List.of(new BurnRequest.SetField("JTAG_DISABLE", 1)));
        EfuseControllerModel e32 = new EfuseControllerModel(EfuseRegisters.blank(esp32), UpdateSemantics.CHIP);
        e32.apply(ProgramSequence.of(e));
        assertThat(e32.read(esp32.address(Esp32Efuse.CLK))).isEqualTo(0xFFA0);
        assertThat(e32.read(esp32.address(Esp32Efuse.DAC_CONF))).isEqualTo(0x50);
        assertThat(EfuseDecoder.decode(e32.snapshot()).value("JTAG_DISABLE")).isEqualTo(new FieldValue.Flag(true));
    }
}
