package io.fuseline.esp.efuse;

import java.util.Arrays;
import java.util.List;

/**
 * A register-level model of an eFuse controller, for tests and the station's virtual jig: WRITE_REG / READ_REG
 * on the register window, and the program and read commands the way espefuse's emulated controller
 * ({@code emulate_efuse_controller*.py}) carries them out. A program command irreversibly ORs the write
 * registers into the read registers of the block (ESP32: of every block), after checking the 3/4 or RS code
 * (a bad code throws {@link IllegalStateException}, as the emulator fails; a chip would burn it and report
 * coding errors), leaving out bits whose WR_DIS bit (of the block, else of the field) is set; it then clears
 * the data write registers and zeroes what RD_DIS protects. Commands complete at once: CMD reads back 0.
 *
 * <p>Differences from a chip, all inherited from espefuse's emulator: read-protected data is zeroed for good
 * (a chip keeps it and only hides it from software, so on an ESP32 with RD_DIS bit 3 the model also forgets
 * CODING_SCHEME); PGM_CHECK_VALUE0..2 keep the last parity. ESP32 programs at CMD = 2 here, the emulator at
 * the following read; the resulting registers are the same. Not thread-safe.
 */
public final class EfuseControllerModel {
    private final EfuseChip chip;
    private final UpdateSemantics semantics;
    private final int[] window;

    /** A model starting from a register snapshot. */
    public EfuseControllerModel(EfuseRegisters initial, UpdateSemantics semantics) {
        this.chip = initial.chip();
        this.semantics = semantics;
        this.window = initial.words();
    }

    public EfuseRegisters snapshot() {
        return EfuseRegisters.ofWords(chip, window);
    }

    /** READ_REG. */
    public int read(long address) {
        return window[index(address)];
    }

    /** WRITE_REG; a write to CMD runs the command (a program command burns irreversibly). */
    public void write(long address, int value) {
        window[index(address)] = value;
        if (address == chip.address(chip.cmdOffset())) {
            command(value);
        }
    }

    /**
     * Applies operations in order, burning irreversibly (in the model) at every program command; an
     * {@link RegisterOp.AwaitIdle} must find the controller idle.
     */
    public void apply(List<RegisterOp> ops) {
        for (RegisterOp op : ops) {
            if (op instanceof RegisterOp.Write w) {
                write(w.address(), w.value());
            } else if (op instanceof RegisterOp.Update u) {
                write(u.address(), semantics.apply(read(u.address()), u.mask(), u.value()));
            } else if (op instanceof RegisterOp.AwaitIdle a && (read(a.address()) & a.mask()) != 0) {
                throw new IllegalStateException("eFuse controller busy at " + a);
            }
        }
    }

    private void command(int value) {
        boolean esp32 = chip instanceof Esp32Efuse;
        if (esp32 && value == Esp32Efuse.CMD_PROGRAM) {
            for (int b = chip.blocks().size() - 1; b >= 0; b--) {
                program(chip.block(b));
            }
            finishProgram();
        } else if (!esp32 && (value & RsEfuseLayout.programCommand(0)) != 0) {
            program(chip.block((value >>> 2) & 0xF));
            finishProgram();
        }
        window[chip.cmdOffset() / 4] = 0;
    }

    private void finishProgram() {
        for (EfuseBlock b : chip.blocks()) {
            int n = chip instanceof Esp32Efuse ? b.lengthWords() : Math.min(8, b.lengthWords());
            Arrays.fill(window, b.writeOffset() / 4, b.writeOffset() / 4 + n, 0);
        }
        hideReadProtected();
    }

    private void program(EfuseBlock block) {
        EfuseRegisters now = snapshot();
        CodingScheme coding = chip.codingScheme(block.index(), now);
        int[] data = ControllerCoding.decode(chip, block, coding, window);
        int[] allowed = writeMask(now, block, data.length);
        int first = block.readOffset() / 4;
        for (int i = 0; i < data.length; i++) {
            window[first + i] |= data[i] & allowed[i];
        }
    }

    /** Bits a program may still set: none if the block is write-protected, else all but protected fields. */
    private int[] writeMask(EfuseRegisters now, EfuseBlock block, int words) {
        Protection p = Protection.of(now);
        int[] mask = new int[words];
        if (!p.writeable(block)) {
            return mask;
        }
        Arrays.fill(mask, -1);
        for (EfuseField f : chip.fields().fields()) {
            if (f.block() == block.index() && !p.writeable(f)) {
                int[] fieldMask = FieldBits.mask(words, f);
                for (int i = 0; i < words; i++) {
                    mask[i] &= ~fieldMask[i];
                }
            }
        }
        return mask;
    }

    private void hideReadProtected() {
        EfuseRegisters now = snapshot();
        Protection p = Protection.of(now);
        for (EfuseBlock b : chip.blocks()) {
            int first = b.readOffset() / 4;
            int words = now.readWords(b).length;
            if (!p.readable(b)) {
                Arrays.fill(window, first, first + words, 0);
                continue;
            }
            for (EfuseField f : chip.fields().fields()) {
                if (f.block() == b.index() && !p.readable(f)) {
                    int[] fieldMask = FieldBits.mask(words, f);
                    for (int i = 0; i < words; i++) {
                        window[first + i] &= ~fieldMask[i];
                    }
                }
            }
        }
    }

    private int index(long address) {
        long offset = address - chip.baseAddress();
        if (offset < 0 || offset >= chip.windowBytes() || (offset & 3) != 0) {
            throw new IllegalArgumentException(String.format("0x%08x is not an eFuse register", address));
        }
        return (int) offset / 4;
    }
}
