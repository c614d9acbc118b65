package io.fuseline.station.sim;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseControllerModel;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.esp.efuse.Esp32Efuse;
import io.fuseline.esp.efuse.UpdateSemantics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The virtual chip's eFuse controller as READ_REG/WRITE_REG see it, built on esp-chip's
 * {@link EfuseControllerModel} (the model checked against espefuse's own emulator): program and read commands,
 * bits that only go 0→1, write protection, 3/4 and RS checks, read-protected blocks reading as zero.
 *
 * <p>Two copies of the model run side by side. The <em>visible</em> one is what software reads. The
 * <em>hardware</em> one gets the same writes except that RD_DIS bits are never programmed into it, so it keeps what
 * read protection hides: the keys the flash-encryption hardware still uses (the esp-chip model, like espefuse's
 * emulator, zeroes read-protected data for good).
 *
 * <p>A block whose write registers do not hold a valid 3/4 or RS code is not programmed (the esp-chip model refuses
 * it as espefuse's emulator does); the controller reports it in DEC_STATUS (ESP32) or as the block's RS fail bit
 * instead of failing the session. With an eFuse file, every register write stores the visible window to it in
 * espefuse's virtual-file layout ({@code --virt --path-efuse-file}); the hardware-only copy is not persisted.
 *
 * <p>Offsets are relative to {@link EfuseChip#baseAddress()}. Thread-safe (synchronized): a session writes while
 * tests inspect.
 */
public final class EfuseController {

    private final EfuseChip chip;
    private final Optional<Path> file;
    private EfuseControllerModel visible;
    private EfuseControllerModel hardware;
    private boolean burnsStick = true;

    private EfuseController(EfuseRegisters visibleState, EfuseRegisters hardwareState, Optional<Path> file) {
        this.chip = visibleState.chip();
        this.visible = new EfuseControllerModel(visibleState, UpdateSemantics.CHIP);
        this.hardware = new EfuseControllerModel(hardwareState, UpdateSemantics.CHIP);
        this.file = file;
    }

    /** A chip with every eFuse (and every controller register) zero. */
    public static EfuseController blank(EfuseChip chip) {
        return of(EfuseRegisters.blank(chip));
    }

    /** A chip whose window holds {@code registers} (e.g. a {@code regs.bin} image); nothing hidden is known. */
    public static EfuseController of(EfuseRegisters registers) {
        return new EfuseController(registers, registers, Optional.empty());
    }

    /**
     * A chip whose eFuses live in an espefuse virtual eFuse file: loaded when {@code path} exists, else
     * {@code fresh} is called to burn a new chip's factory state and the file is created.
     */
    public static EfuseController persistent(EfuseChip chip, Path path, java.util.function.Consumer<EfuseController> fresh)
            throws IOException {
        if (Files.exists(path)) {
            EfuseRegisters r = EfuseRegisters.fromVirtualFile(chip, Files.readAllBytes(path));
            return new EfuseController(r, r, Optional.of(path));
        }
        EfuseController c = new EfuseController(EfuseRegisters.blank(chip), EfuseRegisters.blank(chip),
                Optional.of(path));
        fresh.accept(c);
        c.persist();
        return c;
    }

    public EfuseChip chip() { return chip; }

    /** Whether this controller's state came from (and goes to) an eFuse file. */
    public Optional<Path> file() { return file; }

    /** Register read at {@code offset} (a multiple of 4 inside the window). */
    public synchronized int read(int offset) {
        return visible.read(chip.address(offset));
    }

    /** Register write; a write to CMD runs the command, and a program command burns (in the model) for good. */
    public synchronized void write(int offset, int value) {
        long address = chip.address(offset);
        if (offset != chip.cmdOffset() || !isProgram(value)) {
            visible.write(address, value);
            hardware.write(address, value);
        } else if (!burnsStick) {
            clearWriteRegisters();
        } else {
            stripReadDisable(value);
            boolean ok = program(visible, address, value);
            program(hardware, address, value);
            if (!ok) {
                reportCodingError(value);
            }
        }
        // Every register write, not only burns: the file is the whole window, controller registers included.
        persist();
    }

    /**
     * ORs {@code words} (as the block's read registers show them) into {@code block}, the way the factory or a
     * previous owner burned them: no write protection applies and the coding is valid by construction.
     */
    public synchronized void factoryBurn(int block, int[] words) {
        visible = new EfuseControllerModel(orInto(visible.snapshot(), block, words), UpdateSemantics.CHIP);
        hardware = new EfuseControllerModel(orInto(hardware.snapshot(), block, words), UpdateSemantics.CHIP);
    }

    /** The block's words as the hardware uses them, read protection ignored (flash-encryption keys). */
    public synchronized int[] hardwareWords(int block) {
        EfuseRegisters h = hardware.snapshot();
        return h.readWords(chip.block(block));
    }

    /**
     * A BLOCK0 field as the hardware sees it (read protection ignored), e.g. {@code SPI_BOOT_CRYPT_CNT}; RD_DIS
     * itself from the visible window.
     *
     * @throws IllegalArgumentException the family has no such field
     */
    public synchronized long field(String name) {
        EfuseField f = chip.fields().field(name)
                .orElseThrow(() -> new IllegalArgumentException(chip.family() + " has no eFuse field " + name));
        EfuseRegisters regs = name.equals("RD_DIS") ? visible.snapshot() : hardware.snapshot();
        int[] words = regs.readWords(chip.block(f.block()));
        return bits(words, f.word(), f.position(), f.bitLength());
    }

    /** Whether program commands change the fuses; false models a burn whose bits do not stick. */
    public synchronized void setBurnsStick(boolean stick) {
        this.burnsStick = stick;
    }

    /** The whole window as a host would read it now. */
    public synchronized EfuseRegisters snapshot() {
        return visible.snapshot();
    }

    private boolean isProgram(int cmd) {
        return chip.family() == ChipFamily.ESP32 ? cmd == Esp32Efuse.CMD_PROGRAM : (cmd & 0x2) != 0;
    }

    private boolean programsBlock0(int cmd) {
        return chip.family() == ChipFamily.ESP32 || ((cmd >>> 2) & 0xF) == 0;
    }

    /** Clears the RD_DIS bits in the hardware copy's BLOCK0 program word, so it never hides anything. */
    private void stripReadDisable(int cmd) {
        if (!programsBlock0(cmd)) {
            return;
        }
        EfuseField rdDis = chip.fields().field("RD_DIS").orElseThrow();
        long address = chip.address(chip.block(0).writeOffset() + 4 * rdDis.word());
        int mask = (int) (((1L << rdDis.bitLength()) - 1) << rdDis.position());
        hardware.write(address, hardware.read(address) & ~mask);
    }

    /** Runs a program command; false if the model refused the block's coding (nothing was burned then). */
    private static boolean program(EfuseControllerModel model, long cmdAddress, int cmd) {
        try {
            model.write(cmdAddress, cmd);
            return true;
        } catch (IllegalStateException badCoding) {
            model.write(cmdAddress, 0);
            return false;
        }
    }

    /** A chip burns a bad codeword and flags it; this controller flags it without burning. */
    private void reportCodingError(int cmd) {
        clearWriteRegisters();
        if (chip.family() == ChipFamily.ESP32) {
            write(visible, Esp32Efuse.DEC_STATUS, visible.read(chip.address(Esp32Efuse.DEC_STATUS)) | 0xFFF);
            return;
        }
        int block = (cmd >>> 2) & 0xF;
        if (block == 0) {
            return;
        }
        int nibble = 4 * (block - 1);
        int offset = nibble < 32 ? RsRegisters.RD_RS_ERR0 : RsRegisters.RD_RS_ERR1;
        int bit = 1 << ((nibble % 32) + 3);
        write(visible, offset, visible.read(chip.address(offset)) | bit);
    }

    private void write(EfuseControllerModel model, int offset, int value) {
        model.write(chip.address(offset), value);
    }

    private void clearWriteRegisters() {
        for (EfuseBlock b : chip.blocks()) {
            int words = chip.family() == ChipFamily.ESP32 ? b.lengthWords() : RsRegisters.PROGRAM_WORDS;
            for (int i = 0; i < words; i++) {
                write(visible, b.writeOffset() + 4 * i, 0);
                write(hardware, b.writeOffset() + 4 * i, 0);
            }
        }
    }

    private void persist() {
        if (file.isEmpty()) {
            return;
        }
        try {
            Path tmp = file.get().resolveSibling(file.get().getFileName() + ".tmp");
            Files.write(tmp, visible.snapshot().toVirtualFile());
            // A crash mid-write must not leave a half-written eFuse file: fuses are forever.
            Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("persisting eFuses to " + file.get(), e);
        }
    }

    private EfuseRegisters orInto(EfuseRegisters regs, int block, int[] words) {
        EfuseBlock b = chip.block(block);
        EfuseRegisters out = regs;
        for (int i = 0; i < Math.min(words.length, b.lengthWords()); i++) {
            int offset = b.readOffset() + 4 * i;
            out = out.with(offset, out.word(offset) | words[i]);
        }
        return out;
    }

    private static long bits(int[] words, int word, int position, int length) {
        long lo = word < words.length ? Integer.toUnsignedLong(words[word]) : 0;
        long hi = word + 1 < words.length ? Integer.toUnsignedLong(words[word + 1]) : 0;
        long all = lo | hi << 32;
        return all >>> position & (length >= 64 ? -1L : (1L << length) - 1);
    }

    /** The ESP32-S3/C3 register offsets this class needs beyond esp-chip's public constants. */
    private static final class RsRegisters {
        static final int RD_RS_ERR0 = io.fuseline.esp.efuse.Esp32S3Efuse.RD_RS_ERR0;
        static final int RD_RS_ERR1 = io.fuseline.esp.efuse.Esp32S3Efuse.RD_RS_ERR1;
        /** PGM_DATA0..7 and PGM_CHECK_VALUE0..2. */
        static final int PROGRAM_WORDS = 11;
    }
}
