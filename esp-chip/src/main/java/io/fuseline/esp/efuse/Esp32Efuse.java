package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.util.List;

/**
 * ESP32 eFuse controller constants (espefuse {@code esp32/mem_definition.py}, NOTES §d.1). Four blocks, each
 * with separate read and write registers; BLOCK1-3 coded per CODING_SCHEME (0 or 3 = none, 1 = 3/4; 2, REPEAT,
 * is refused by espefuse and here).
 */
public final class Esp32Efuse implements EfuseChip {
    static final Esp32Efuse INSTANCE = new Esp32Efuse();

    public static final long BASE = 0x3FF5A000L;
    public static final int WINDOW_BYTES = 0x120;
    /** EFUSE_CLK_REG: SEL0 in bits 7:0, SEL1 in bits 15:8. */
    public static final int CLK = 0x0F8;
    public static final int CONF = 0x0FC;
    public static final int CMD = 0x104;
    /** EFUSE_DAC_CONF_REG: DAC_CLK_DIV in bits 7:0. */
    public static final int DAC_CONF = 0x118;
    /** EFUSE_DEC_STATUS_REG: 3/4 decoding error flags, mask 0xFFF. */
    public static final int DEC_STATUS = 0x11C;
    public static final int CONF_WRITE = 0x5A5A;
    public static final int CONF_READ = 0x5AA5;
    public static final int CMD_READ = 1;
    public static final int CMD_PROGRAM = 2;
    /** Field value of CODING_SCHEME meaning 3/4. */
    public static final int CODING_SCHEME_34 = 1;
    /** Field value of CODING_SCHEME meaning REPEAT, which espefuse does not support. */
    public static final int CODING_SCHEME_REPEAT = 2;
    /** BLOCK0 word holding CODING_SCHEME in bits 1:0. */
    static final int CODING_SCHEME_WORD = 6;

    private static final List<EfuseBlock> BLOCKS = List.of(
            EfuseBlock.of("BLOCK0", null, 0, 0x000, 0x01C, 7, -1, -1, null),
            EfuseBlock.of("BLOCK1", "flash_encryption", 1, 0x038, 0x098, 8, 7, 0, null),
            EfuseBlock.of("BLOCK2", "secure_boot_v1,secure_boot_v2", 2, 0x058, 0x0B8, 8, 8, 1, null),
            EfuseBlock.of("BLOCK3", null, 3, 0x078, 0x0D8, 8, 9, 2, null));

    /**
     * The programming clock espefuse sets for a crystal frequency ({@code esp32/fields.py set_efuse_timing}).
     *
     * @param sel0       EFUSE_CLK_SEL0 (CLK bits 7:0)
     * @param sel1       EFUSE_CLK_SEL1 (CLK bits 15:8)
     * @param dacClkDiv  EFUSE_DAC_CLK_DIV (DAC_CONF bits 7:0)
     */
    public record ClockSettings(int sel0, int sel1, int dacClkDiv) {
        /** The settings for a 26, 40 or 80 MHz crystal. */
        public static ClockSettings forCrystalMhz(int mhz) {
            return switch (mhz) {
                case 26 -> new ClockSettings(250, 255, 52);
                case 40 -> new ClockSettings(160, 255, 80);
                case 80 -> new ClockSettings(80, 128, 100);
                default -> throw new IllegalArgumentException("ESP32 crystal must be 26, 40 or 80 MHz, was " + mhz);
            };
        }
    }

    private Esp32Efuse() {
    }

    @Override
    public ChipFamily family() { return ChipFamily.ESP32; }

    @Override
    public long baseAddress() { return BASE; }

    @Override
    public int windowBytes() { return WINDOW_BYTES; }

    @Override
    public List<EfuseBlock> blocks() { return BLOCKS; }

    @Override
    public int confOffset() { return CONF; }

    @Override
    public int cmdOffset() { return CMD; }

    /**
     * {@inheritDoc} CODING_SCHEME 3 ("NONE recovery") counts as none, as in espefuse. REPEAT (2) is reported as
     * {@link CodingScheme#NONE} here; the burn planner refuses to burn BLOCK1-3 under it.
     */
    @Override
    public CodingScheme codingScheme(int blockIndex, EfuseRegisters registers) {
        if (blockIndex == 0) {
            return CodingScheme.NONE;
        }
        return rawCodingScheme(registers) == CODING_SCHEME_34 ? CodingScheme.ESP32_3_4 : CodingScheme.NONE;
    }

    /** {@inheritDoc} Any of DEC_STATUS bits 11:0, for BLOCK1-3. */
    @Override
    public boolean hasCodingErrors(int blockIndex, EfuseRegisters registers) {
        return blockIndex > 0 && (registers.word(DEC_STATUS) & 0xFFF) != 0;
    }

    /** CODING_SCHEME as read from BLOCK0 (0..3). */
    public int rawCodingScheme(EfuseRegisters registers) {
        return registers.word(BLOCKS.get(0).readOffset() + 4 * CODING_SCHEME_WORD) & 3;
    }

    @Override
    public String toString() { return "Esp32Efuse"; }
}
