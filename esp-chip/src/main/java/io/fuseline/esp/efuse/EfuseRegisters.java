package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of a chip's eFuse register window: word {@code i} is the register at
 * DR_REG_EFUSE_BASE + 4i. Built from a {@code regs.bin} image (memory order, little-endian words), from an
 * espefuse virtual eFuse file (the same window byte-reversed as a whole, NOTES §d.7) or from READ_REG answers.
 * Thread-safe; every accessor returns copies.
 */
public final class EfuseRegisters {
    private final EfuseChip chip;
    private final int[] words;

    private EfuseRegisters(EfuseChip chip, int[] words) {
        this.chip = Objects.requireNonNull(chip, "chip");
        this.words = words;
    }

    /** All registers zero: what espefuse's emulator starts from. */
    public static EfuseRegisters blank(EfuseChip chip) {
        return new EfuseRegisters(chip, new int[chip.windowBytes() / 4]);
    }

    /** The window words, offset 0 first; the array must have {@code windowBytes / 4} entries. */
    public static EfuseRegisters ofWords(EfuseChip chip, int[] words) {
        if (words.length != chip.windowBytes() / 4) {
            throw new IllegalArgumentException(chip.family().displayName() + " eFuse window has "
                    + chip.windowBytes() / 4 + " words, got " + words.length);
        }
        return new EfuseRegisters(chip, words.clone());
    }

    /** A {@code regs.bin} image: the window in memory order, offset 0 = DR_REG_EFUSE_BASE. */
    public static EfuseRegisters fromMemoryImage(EfuseChip chip, byte[] image) {
        checkSize(chip, image);
        int[] w = new int[image.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = Words.littleEndian(image, 4 * i);
        }
        return new EfuseRegisters(chip, w);
    }

    /** An espefuse {@code --virt --path-efuse-file} file: the memory image reversed byte by byte. */
    public static EfuseRegisters fromVirtualFile(EfuseChip chip, byte[] file) {
        checkSize(chip, file);
        return fromMemoryImage(chip, reversed(file));
    }

    /**
     * Registers read one by one over the serial loader (READ_REG): absolute address to value. Addresses outside
     * the window are refused; registers not read count as zero.
     */
    public static EfuseRegisters fromReadings(EfuseChip chip, Map<Long, Integer> readings) {
        int[] w = new int[chip.windowBytes() / 4];
        readings.forEach((address, value) -> {
            long offset = address - chip.baseAddress();
            if (offset < 0 || offset >= chip.windowBytes() || (offset & 3) != 0) {
                throw new IllegalArgumentException(String.format("0x%08x is not an eFuse register of %s",
                        address, chip.family().displayName()));
            }
            w[(int) offset / 4] = value;
        });
        return new EfuseRegisters(chip, w);
    }

    /**
     * The absolute addresses a caller reads (READ_REG) to decode every field: the read registers of every
     * block, plus the Reed-Solomon error registers on ESP32-S3/C3.
     */
    public static List<Long> addressesToRead(EfuseChip chip) {
        List<Long> out = new ArrayList<>();
        for (EfuseBlock b : chip.blocks()) {
            for (int i = 0; i < b.lengthWords(); i++) {
                out.add(chip.address(b.readOffset() + 4 * i));
            }
        }
        if (!(chip instanceof Esp32Efuse)) {
            out.add(chip.address(RsEfuseLayout.RD_RS_ERR0));
            out.add(chip.address(RsEfuseLayout.RD_RS_ERR1));
        }
        return out;
    }

    public EfuseChip chip() { return chip; }

    /** The register at a byte offset from DR_REG_EFUSE_BASE. */
    public int word(int offset) {
        return words[offset / 4];
    }

    /** All window words, offset 0 first (a copy). */
    public int[] words() {
        return words.clone();
    }

    /** A copy with one register replaced. */
    public EfuseRegisters with(int offset, int value) {
        int[] w = words.clone();
        w[offset / 4] = value;
        return new EfuseRegisters(chip, w);
    }

    /**
     * The data words of a block as its read registers hold them: {@code lengthWords} words, or 6 for an ESP32
     * BLOCK1-3 under 3/4 coding. Read-protected blocks read as zeros.
     */
    public int[] readWords(EfuseBlock block) {
        int n = chip.codingScheme(block.index(), this).dataWords(block.lengthWords());
        return Arrays.copyOfRange(words, block.readOffset() / 4, block.readOffset() / 4 + n);
    }

    /** The memory image ({@code regs.bin} layout). */
    public byte[] toMemoryImage() {
        byte[] out = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            Words.putLittleEndian(out, 4 * i, words[i]);
        }
        return out;
    }

    /** The espefuse virtual eFuse file layout (memory image reversed). */
    public byte[] toVirtualFile() {
        return reversed(toMemoryImage());
    }

    private static void checkSize(EfuseChip chip, byte[] image) {
        if (image.length != chip.windowBytes()) {
            throw new IllegalArgumentException(String.format("%s eFuse image must be 0x%x bytes, got 0x%x",
                    chip.family().displayName(), chip.windowBytes(), image.length));
        }
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EfuseRegisters r && r.chip == chip && Arrays.equals(r.words, words);
    }

    @Override
    public int hashCode() { return 31 * chip.hashCode() + Arrays.hashCode(words); }

    @Override
    public String toString() {
        return "EfuseRegisters[" + chip.family().toolName() + ", " + words.length + " words]";
    }
}
