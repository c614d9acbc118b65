package io.fuseline.esp.efuse;

import java.util.List;

/**
 * What the ESP32-S3 and ESP32-C3 eFuse controllers share (NOTES §d.2): one set of programming registers
 * (PGM_DATA0..7 + PGM_CHECK_VALUE0..2) for all blocks, 11 blocks at the same offsets, Reed-Solomon coding for
 * BLOCK1 and up.
 */
final class RsEfuseLayout {
    static final int PGM_DATA0 = 0x000;
    static final int PGM_CHECK_VALUE0 = 0x020;
    static final int RD_RS_ERR0 = 0x1C0;
    static final int RD_RS_ERR1 = 0x1C4;
    static final int CLK = 0x1C8;
    static final int CONF = 0x1CC;
    static final int STATUS = 0x1D0;
    static final int CMD = 0x1D4;
    static final int DAC_CONF = 0x1E8;
    static final int RD_TIM_CONF = 0x1EC;
    static final int DATE = 0x1FC;
    static final int WINDOW_BYTES = 0x200;

    static final List<EfuseBlock> BLOCKS = List.of(
            EfuseBlock.of("BLOCK0", null, 0, 0x02C, PGM_DATA0, 6, -1, -1, null),
            EfuseBlock.of("MAC_SPI_8M_0", "BLOCK1", 1, 0x044, PGM_DATA0, 6, 20, -1, null),
            EfuseBlock.of("BLOCK_SYS_DATA", "BLOCK2", 2, 0x05C, PGM_DATA0, 8, 21, -1, null),
            EfuseBlock.of("BLOCK_USR_DATA", "BLOCK3", 3, 0x07C, PGM_DATA0, 8, 22, -1, null),
            EfuseBlock.of("BLOCK_KEY0", "BLOCK4", 4, 0x09C, PGM_DATA0, 8, 23, 0, "KEY_PURPOSE_0"),
            EfuseBlock.of("BLOCK_KEY1", "BLOCK5", 5, 0x0BC, PGM_DATA0, 8, 24, 1, "KEY_PURPOSE_1"),
            EfuseBlock.of("BLOCK_KEY2", "BLOCK6", 6, 0x0DC, PGM_DATA0, 8, 25, 2, "KEY_PURPOSE_2"),
            EfuseBlock.of("BLOCK_KEY3", "BLOCK7", 7, 0x0FC, PGM_DATA0, 8, 26, 3, "KEY_PURPOSE_3"),
            EfuseBlock.of("BLOCK_KEY4", "BLOCK8", 8, 0x11C, PGM_DATA0, 8, 27, 4, "KEY_PURPOSE_4"),
            EfuseBlock.of("BLOCK_KEY5", "BLOCK9", 9, 0x13C, PGM_DATA0, 8, 28, 5, "KEY_PURPOSE_5"),
            EfuseBlock.of("BLOCK_SYS_DATA2", "BLOCK10", 10, 0x15C, PGM_DATA0, 8, 29, 6, null));

    private RsEfuseLayout() {
    }

    static CodingScheme codingScheme(int blockIndex) {
        return blockIndex == 0 ? CodingScheme.NONE : CodingScheme.REED_SOLOMON;
    }

    /** The program command for a block: PGM (bit 1) with the block number in bits 5:2. */
    static int programCommand(int blockIndex) {
        return 0x2 | (blockIndex << 2);
    }
}
