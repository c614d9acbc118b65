package io.fuseline.station.sim;

import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.Esp32S3Efuse;
import io.fuseline.esp.efuse.ReedSolomon;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ESP32-S3/C3 eFuse controller (NOTES §d.2, §d.5): one set of program registers (PGM_DATA0..7 and, for
 * BLOCK1..10, the RS(44,32) parity in PGM_CHECK_VALUE0..2); CONF = 0x5A5A then CMD = 2 | block << 2 programs that
 * block. The stored parity is ORed like the data, so programming a block twice leaves a non-codeword, which the
 * RS error registers report (the per-block fail bit; the C3's shifted fail bit is not modelled).
 *
 * <p>Read registers show the fuse array live; read-disabled blocks read as zero. Thread-safe.
 */
final class RsEfuseController implements EfuseController {

    private static final int PGM_WORDS = 8;
    private static final int PARITY_WORDS = 3;
    private static final int CMD_BLOCK_SHIFT = 2;

    private final EfuseChip chip;
    private final FuseArray fuses;
    private final int[][] parity;
    private final int[] regs;
    private boolean burnsStick = true;

    RsEfuseController(EfuseChip chip) {
        this.chip = chip;
        this.fuses = new FuseArray(chip);
        this.parity = new int[chip.blocks().size()][PARITY_WORDS];
        this.regs = new int[chip.windowBytes() / 4];
    }

    @Override
    public EfuseChip chip() {
        return chip;
    }

    @Override
    public synchronized int read(int offset) {
        for (EfuseBlock b : chip.blocks()) {
            if (offset >= b.readOffset() && offset < b.readOffset() + 4 * b.lengthWords()) {
                return fuses.visible(b.index(), (offset - b.readOffset()) / 4);
            }
        }
        if (offset == Esp32S3Efuse.CMD) {
            return 0;
        }
        if (offset == Esp32S3Efuse.RD_RS_ERR0) {
            return rsErrors(1, 8);
        }
        if (offset == Esp32S3Efuse.RD_RS_ERR1) {
            return rsErrors(9, 10);
        }
        return regs[offset / 4];
    }

    @Override
    public synchronized void write(int offset, int value) {
        regs[offset / 4] = value;
        if (offset == Esp32S3Efuse.CMD) {
            if ((value & Esp32S3Efuse.CMD_PROGRAM) != 0 && regs[Esp32S3Efuse.CONF / 4] == Esp32S3Efuse.CONF_WRITE) {
                program(value >>> CMD_BLOCK_SHIFT & 0xF);
            }
            regs[offset / 4] = 0;
        }
    }

    private void program(int block) {
        if (block >= chip.blocks().size() || !burnsStick) {
            return;
        }
        int[] data = Arrays.copyOfRange(regs, Esp32S3Efuse.PGM_DATA0 / 4, Esp32S3Efuse.PGM_DATA0 / 4 + PGM_WORDS);
        if (block == 0) {
            fuses.program(0, Arrays.copyOf(data, chip.blocks().get(0).lengthWords()));
            return;
        }
        int[] frozen = fuses.frozenMask(block);
        if (frozen[0] == -1) {
            return; // the whole block is write-disabled: neither data nor parity changes
        }
        fuses.program(block, data);
        for (int i = 0; i < PARITY_WORDS; i++) {
            parity[block][i] |= regs[Esp32S3Efuse.PGM_CHECK_VALUE0 / 4 + i];
        }
    }

    /** 4 bits per block from {@code first}: bit 3 = uncorrectable; the 3-bit count is left 0 in this model. */
    private int rsErrors(int first, int last) {
        int out = 0;
        for (int b = first; b <= last && b < chip.blocks().size(); b++) {
            if (!ReedSolomon.isCodeword(codeword(b))) {
                out |= 0x8 << (4 * (b - first));
            }
        }
        return out;
    }

    private byte[] codeword(int block) {
        ByteBuffer buf = ByteBuffer.allocate(4 * (PGM_WORDS + PARITY_WORDS)).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : fuses.block(block)) {
            buf.putInt(w);
        }
        for (int w : parity[block]) {
            buf.putInt(w);
        }
        return buf.array();
    }

    @Override
    public synchronized void factoryBurn(int block, int[] words) {
        fuses.force(block, words);
        if (block > 0) {
            byte[] p = ReedSolomon.parity(Esp32EfuseController.bytes(fuses.block(block)));
            ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < PARITY_WORDS; i++) {
                parity[block][i] = b.getInt();
            }
        }
    }

    @Override
    public synchronized int[] hardwareWords(int block) {
        return fuses.block(block).clone();
    }

    @Override
    public synchronized void setBurnsStick(boolean stick) {
        this.burnsStick = stick;
    }

    @Override
    public synchronized long field(String name) {
        return fuses.field(name);
    }
}
