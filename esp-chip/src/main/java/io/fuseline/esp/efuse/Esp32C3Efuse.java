package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.util.List;

/**
 * ESP32-C3 eFuse controller constants (espefuse {@code esp32c3/mem_definition.py}, NOTES §d.2): eleven blocks
 * programmed through PGM_DATA0..7 + PGM_CHECK_VALUE0..2, Reed-Solomon coded from BLOCK1 up.
 * <p>The C3 has no XTS-AES-256 key purposes.
 */
public final class Esp32C3Efuse implements EfuseChip {
    static final Esp32C3Efuse INSTANCE = new Esp32C3Efuse();

    public static final long BASE = 0x60008800L;
    public static final int WINDOW_BYTES = RsEfuseLayout.WINDOW_BYTES;
    public static final int PGM_DATA0 = RsEfuseLayout.PGM_DATA0;
    public static final int PGM_CHECK_VALUE0 = RsEfuseLayout.PGM_CHECK_VALUE0;
    public static final int RD_RS_ERR0 = RsEfuseLayout.RD_RS_ERR0;
    public static final int RD_RS_ERR1 = RsEfuseLayout.RD_RS_ERR1;
    public static final int CLK = RsEfuseLayout.CLK;
    public static final int CONF = RsEfuseLayout.CONF;
    public static final int STATUS = RsEfuseLayout.STATUS;
    public static final int CMD = RsEfuseLayout.CMD;
    /** EFUSE_DAC_CONF_REG: DAC_CLK_DIV bits 7:0, DAC_NUM bits 16:9. */
    public static final int DAC_CONF = RsEfuseLayout.DAC_CONF;
    /** EFUSE_WR_TIM_CONF1_REG: PWR_ON_NUM bits 23:8. */
    public static final int WR_TIM_CONF1 = 0x1F0;
    /** EFUSE_WR_TIM_CONF2_REG: PWR_OFF_NUM bits 15:0. */
    public static final int WR_TIM_CONF2 = 0x1F4;
    public static final int CONF_WRITE = 0x5A5A;
    public static final int CONF_READ = 0x5AA5;
    public static final int CMD_READ = 0x1;
    public static final int CMD_PROGRAM = 0x2;

    private Esp32C3Efuse() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32C3; }

    @Override
    public long baseAddress() { return BASE; }

    @Override
    public int windowBytes() { return WINDOW_BYTES; }

    @Override
    public List<EfuseBlock> blocks() { return RsEfuseLayout.BLOCKS; }

    @Override
    public int confOffset() { return CONF; }

    @Override
    public int cmdOffset() { return CMD; }

    @Override
    public CodingScheme codingScheme(int blockIndex, EfuseRegisters registers) {
        return RsEfuseLayout.codingScheme(blockIndex);
    }

    /** The CMD value that programs a block: {@code 0x2 | block << 2} (0x12 = BLOCK_KEY0). */
    public int programCommand(int blockIndex) {
        return RsEfuseLayout.programCommand(blockIndex);
    }

    /**
     * Whether RD_RS_ERR0/1 report an error count or a failure for a block (BLOCK1..10; BLOCK0 errors live in
     * RD_REPEAT_ERR* and are not decoded here). Count in bits 2:0 of the block's nibble; fail bit shifted by one block (a ROM design bug espefuse works around; BLOCK_SYS_DATA2 has none).
     */
    @Override
    public boolean hasCodingErrors(int blockIndex, EfuseRegisters registers) {
        if (blockIndex < 1 || blockIndex > 10) {
            return false;
        }
        long errors = (registers.word(RD_RS_ERR0) & 0xFFFFFFFFL) | ((registers.word(RD_RS_ERR1) & 0xFFFFFFFFL) << 32);
        int nibble = 4 * (blockIndex - 1);
        long count = (errors >>> nibble) & 7;
        int failBit = nibble + 7;
        boolean fail = blockIndex != 10 && ((errors >>> failBit) & 1) != 0;
        return count != 0 || fail;
    }

    @Override
    public String toString() { return "Esp32C3Efuse"; }
}
