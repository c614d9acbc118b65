package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The bits a burn will add, block by block, with espefuse's checks: a field save ({@code check_new_value}) and
 * the per-block check before burning ({@code check_wr_data}). Protection is judged on the registers as they are,
 * not on pending bits. Not thread-safe; one instance per plan.
 */
final class BurnStaging {
    private final EfuseRegisters registers;
    private final EfuseChip chip;
    private final Protection protection;
    private final List<int[]> current = new ArrayList<>();
    private final List<int[]> pending = new ArrayList<>();

    BurnStaging(EfuseRegisters registers) {
        this.registers = registers;
        this.chip = registers.chip();
        this.protection = Protection.of(registers);
        for (EfuseBlock b : chip.blocks()) {
            int[] words = registers.readWords(b);
            current.add(words);
            pending.add(new int[words.length]);
        }
    }

    EfuseRegisters registers() { return registers; }

    Protection protection() { return protection; }

    int[] current(int block) { return current.get(block).clone(); }

    int[] pending(int block) { return pending.get(block).clone(); }

    int blockWords(int block) { return current.get(block).length; }

    long currentNumber(EfuseField f) { return FieldBits.number(current.get(f.block()), f); }

    long pendingNumber(EfuseField f) { return FieldBits.number(pending.get(f.block()), f); }

    /** espefuse {@code EfuseFieldBase.save}: stage a field's new value (bits placed in its block's words). */
    void saveField(EfuseField f, int[] newBits) {
        int[] mask = FieldBits.mask(blockWords(f.block()), f);
        save(f.name(), f.block(), mask, newBits, protection.readable(f), protection.writeable(f),
                f.name().equals("WR_DIS") || f.name().equals("RD_DIS"), describeField(f));
    }

    /** The same for a whole block's data (key, digest, block data), judged by the block's protection bits. */
    void saveBlock(EfuseBlock b, byte[] memoryOrder) {
        int[] mask = new int[blockWords(b.index())];
        Arrays.fill(mask, -1);
        save(b.name(), b.index(), mask, Words.toWords(memoryOrder), protection.readable(b),
                protection.writeable(b), false, describeBlock(b));
    }

    private void save(String name, int block, int[] mask, int[] newBits, boolean readable, boolean writeable,
                      boolean mayKeepSetBits, String currentText) {
        int[] cur = and(current.get(block), mask);
        int[] pend = and(pending.get(block), mask);
        int[] old = or(cur, pend);
        if (Words.isZero(newBits) && Words.isZero(old)) {
            return;
        }
        if (Arrays.equals(newBits, old) || Arrays.equals(and(newBits, cur), newBits)
                || Arrays.equals(newBits, pend)) {
            return; // espefuse: "The same value ... is already burned / prepared"
        }
        if (!mayKeepSetBits && !Arrays.equals(or(newBits, old), newBits)) {
            throw new EfuseBurnRefusedException(name, currentText, RefusalReason.BITS_CANNOT_BE_CLEARED, null);
        }
        refuseUnlessAccessible(name, currentText, readable, writeable);
        pending.set(block, or(pending.get(block), newBits));
    }

    static void refuseUnlessAccessible(String name, String currentText, boolean readable, boolean writeable) {
        if (!readable) {
            throw new EfuseBurnRefusedException(name, currentText, RefusalReason.READ_PROTECTED, null);
        }
        if (!writeable) {
            throw new EfuseBurnRefusedException(name, currentText, RefusalReason.WRITE_PROTECTED, null);
        }
    }

    /** espefuse {@code disable_write}: stage WR_DIS bit {@code bit}, unless it is set already. */
    void disableWrite(String name, OptionalInt bit, String currentText) {
        setProtectionBit("WR_DIS", name, bit, currentText);
    }

    /** espefuse {@code disable_read}: stage RD_DIS bit {@code bit}, unless it is set already. */
    void disableRead(String name, OptionalInt bit, String currentText) {
        setProtectionBit("RD_DIS", name, bit, currentText);
    }

    private void setProtectionBit(String register, String name, OptionalInt bit, String currentText) {
        if (bit.isEmpty()) {
            throw new EfuseBurnRefusedException(name, currentText, RefusalReason.NOT_BURNABLE,
                    "it has no " + register + " bit");
        }
        EfuseField f = chip.fields().field(register).orElseThrow();
        if (!protection.writeable(f)) {
            throw new EfuseBurnRefusedException(register, describeField(f), RefusalReason.WRITE_PROTECTED,
                    "so " + name + " cannot be protected");
        }
        saveField(f, FieldBits.placeNumber(blockWords(0), f, 1L << bit.getAsInt()));
    }

    /**
     * espefuse {@code check_wr_data} for every block: the words to burn per block (zero = nothing), with bits that
     * are already set dropped the way espefuse drops them. Refuses protected blocks and re-coding of RS / 3/4.
     */
    List<int[]> checkedWrites() {
        List<int[]> out = new ArrayList<>();
        for (EfuseBlock b : chip.blocks()) {
            out.add(checkBlock(b, pending.get(b.index()).clone(), current.get(b.index())));
        }
        return out;
    }

    private int[] checkBlock(EfuseBlock b, int[] wr, int[] cur) {
        if (Words.isZero(wr)) {
            return wr;
        }
        refuseUnlessAccessible(b.name(), describeBlock(b), protection.readable(b), protection.writeable(b));
        if (Words.isZero(cur)) {
            return wr;
        }
        if (Arrays.equals(cur, wr) || Arrays.equals(and(cur, wr), wr)) {
            return new int[wr.length];
        }
        return switch (chip.codingScheme(b.index(), registers)) {
            case NONE -> wr;
            case REED_SOLOMON -> throw new EfuseBurnRefusedException(b.name(), describeBlock(b),
                    RefusalReason.RS_BLOCK_ALREADY_WRITTEN, null);
            case ESP32_3_4 -> checkChunks(b, wr, cur);
        };
    }

    private int[] checkChunks(EfuseBlock b, int[] wr, int[] cur) {
        byte[] w = Words.toBytes(wr);
        byte[] c = Words.toBytes(cur);
        for (int i = 0; i < w.length; i += Coding34.CHUNK_BYTES) {
            byte[] rc = Arrays.copyOfRange(c, i, i + Coding34.CHUNK_BYTES);
            byte[] wc = Arrays.copyOfRange(w, i, i + Coding34.CHUNK_BYTES);
            if (!isZero(rc) && !isZero(wc)) {
                if (!Arrays.equals(rc, wc)) {
                    throw new EfuseBurnRefusedException(b.name(), describeBlock(b),
                            RefusalReason.CODING34_CHUNK_ALREADY_WRITTEN, "chunk " + i / Coding34.CHUNK_BYTES);
                }
                Arrays.fill(w, i, i + Coding34.CHUNK_BYTES, (byte) 0);
            }
        }
        return Words.toWords(w);
    }

    String describeField(EfuseField f) {
        if (f.type().startsWith("bytes")) {
            return describeBytes(f.block(), protection.readable(f));
        }
        return String.format("0x%x", currentNumber(f));
    }

    String describeBlock(EfuseBlock b) {
        return describeBytes(b.index(), protection.readable(b));
    }

    private String describeBytes(int block, boolean readable) {
        if (!readable) {
            return "read-protected";
        }
        return Words.isZero(current.get(block)) ? "empty" : "written";
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    static int[] and(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] & b[i];
        }
        return out;
    }

    static int[] or(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }
}
