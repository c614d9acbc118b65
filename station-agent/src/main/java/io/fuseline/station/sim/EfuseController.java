package io.fuseline.station.sim;

import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseRegisters;

/**
 * The eFuse controller as the ROM loader's READ_REG/WRITE_REG see it: a register window at the chip's eFuse base
 * whose program command ORs the staged words into the fuse array (bits only go 0→1, write-disabled bits stay),
 * and whose read registers show the array with read-disabled blocks as zero.
 *
 * <p>This is the seam where esp-chip's controller model can replace the one in this package. Offsets are relative
 * to {@link EfuseChip#baseAddress()}. Implementations are synchronized: a session writes while tests inspect.
 */
public interface EfuseController {

    EfuseChip chip();

    /** Register read at {@code offset} (a multiple of 4 inside the window). */
    int read(int offset);

    /** Register write; writing the command register with the right CONF value runs a program or read. */
    void write(int offset, int value);

    /**
     * ORs {@code words} into {@code block} the way the factory (or a previous owner) did, bypassing write
     * protection, with valid coding; used for MAC, revision and chips that arrive pre-burned.
     */
    void factoryBurn(int block, int[] words);

    /** The block's fuse words as the hardware uses them, read protection ignored (flash encryption keys). */
    int[] hardwareWords(int block);

    /** A field's value as the hardware sees it (read protection ignored), e.g. {@code SPI_BOOT_CRYPT_CNT}. */
    long field(String name);

    /** Whether program commands change the array; false models a burn that does not stick. */
    void setBurnsStick(boolean stick);

    /** The whole window as a host would read it now. */
    default EfuseRegisters snapshot() {
        int[] words = new int[chip().windowBytes() / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = read(4 * i);
        }
        return EfuseRegisters.ofWords(chip(), words);
    }

    /** The controller model for {@code chip}'s family. */
    static EfuseController forChip(EfuseChip chip) {
        return switch (chip.family()) {
            case ESP32 -> new Esp32EfuseController(chip);
            case ESP32S3, ESP32C3 -> new RsEfuseController(chip);
        };
    }
}
