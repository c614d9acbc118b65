package io.fuseline.station.sim;

import io.fuseline.esp.efuse.Coding34;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.Esp32Efuse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The ESP32 eFuse controller (NOTES §d.1, §d.5): each block has its own write registers; CONF = 0x5A5A then
 * CMD = 2 programs all blocks at once and clears the write registers; CONF = 0x5AA5, CMD = 1 reloads. CMD reads 0
 * right away (programming takes microseconds). With the 3/4 coding scheme, a block whose staged words are not a
 * valid 3/4 encoding sets its error bits in DEC_STATUS.
 *
 * <p>Like espefuse's emulator, the read registers show the fuse array live (no separate latch). Thread-safe.
 */
final class Esp32EfuseController implements EfuseController {

    private final EfuseChip chip;
    private final FuseArray fuses;
    private final int[] regs;
    private int decStatus;
    private boolean burnsStick = true;

    Esp32EfuseController(EfuseChip chip) {
        this.chip = chip;
        this.fuses = new FuseArray(chip);
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
        if (offset == Esp32Efuse.CMD) {
            return 0;
        }
        if (offset == Esp32Efuse.DEC_STATUS) {
            return decStatus;
        }
        return regs[offset / 4];
    }

    @Override
    public synchronized void write(int offset, int value) {
        regs[offset / 4] = value;
        if (offset == Esp32Efuse.CMD) {
            if (value == Esp32Efuse.CMD_PROGRAM && regs[Esp32Efuse.CONF / 4] == Esp32Efuse.CONF_WRITE) {
                program();
            }
            // A read command only latches the array into the read registers, which this model shows live.
            regs[offset / 4] = 0;
        }
    }

    private void program() {
        boolean coding34 = (fuses.block(0)[6] & 3) == Esp32Efuse.CODING_SCHEME_34;
        decStatus = 0;
        for (EfuseBlock b : chip.blocks()) {
            int[] staged = new int[b.lengthWords()];
            for (int i = 0; i < staged.length; i++) {
                staged[i] = regs[b.writeOffset() / 4 + i];
                regs[b.writeOffset() / 4 + i] = 0;
            }
            if (coding34 && b.index() > 0 && !isZero(staged) && !Coding34.isValid(bytes(staged))) {
                decStatus |= 0xF << (4 * (b.index() - 1));
            }
            if (burnsStick) {
                fuses.program(b.index(), staged);
            }
        }
    }

    @Override
    public synchronized void factoryBurn(int block, int[] words) {
        fuses.force(block, words);
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

    static boolean isZero(int[] words) {
        for (int w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(int[] words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }
}
