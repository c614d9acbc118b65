package io.fuseline.station.sim;

import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.station.protocol.RomError;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One FLASH_BEGIN … FLASH_DATA (or FLASH_DEFL_*) write as the ROM runs it: erase at BEGIN, blocks in sequence,
 * compressed data inflated and written before the block is acknowledged. A block repeated with the sequence number
 * just accepted is acknowledged again without writing (a host retrying after a lost answer). Not thread-safe.
 */
final class SimFlashWrite {

    private final SpiFlash flash;
    private final int offset;
    private final int blocks;
    private final int blockSize;
    private final Optional<FlashEncryption> encryption;
    private final Inflater inflater;
    private int nextSeq;
    private int written;

    SimFlashWrite(SpiFlash flash, int eraseSize, int blocks, int blockSize, int offset, boolean compressed,
            Optional<FlashEncryption> encryption) {
        this.flash = flash;
        this.offset = offset;
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.encryption = encryption;
        this.inflater = compressed ? new Inflater() : null;
        flash.eraseRange(offset, Math.min(eraseSize, flash.size() - offset));
    }

    /**
     * Writes block {@code seq}.
     *
     * @return empty on success, else the ROM error to answer with
     */
    Optional<RomError> block(int seq, byte[] data, int from, int length) {
        if (seq == nextSeq - 1) {
            return Optional.empty();
        }
        if (seq != nextSeq || seq >= blocks) {
            return Optional.of(RomError.FAILED_TO_ACT);
        }
        Optional<RomError> result = inflater == null ? plain(data, from, length) : inflate(data, from, length);
        if (result.isEmpty()) {
            nextSeq++;
        }
        return result;
    }

    /** Flash offsets {@code [first, last)} touched so far; used by fault injection. */
    int writtenEnd() {
        return offset + written;
    }

    int writtenStart() {
        return offset;
    }

    private Optional<RomError> plain(byte[] data, int from, int length) {
        if (length != blockSize) {
            return Optional.of(RomError.INVALID_MESSAGE);
        }
        int at = offset + written;
        if (at >= flash.size()) {
            return Optional.of(RomError.FLASH_WRITE_ERROR);
        }
        int n = Math.min(length, flash.size() - at);
        byte[] chunk = Arrays.copyOfRange(data, from, from + n);
        if (encryption.isPresent()) {
            chunk = encryption.get().encrypt(at, chunk);
        }
        flash.program(at, chunk, 0, n);
        written += length;
        return Optional.empty();
    }

    private Optional<RomError> inflate(byte[] data, int from, int length) {
        inflater.setInput(data, from, length);
        byte[] out = new byte[16 * 1024];
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && inflater.needsDictionary()) {
                    return Optional.of(RomError.DEFLATE_ERROR);
                }
                int at = offset + written;
                if (at + n > flash.size()) {
                    return Optional.of(RomError.FLASH_WRITE_ERROR);
                }
                flash.program(at, out, 0, n);
                written += n;
            }
            return Optional.empty();
        } catch (DataFormatException e) {
            return Optional.of(RomError.DEFLATE_ERROR);
        }
    }
}
