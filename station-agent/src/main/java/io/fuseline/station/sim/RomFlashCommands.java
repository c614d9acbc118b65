package io.fuseline.station.sim;

import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.RomError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ROM's flash commands for one session: FLASH_(DEFL_)BEGIN/DATA/END, SPI_FLASH_MD5, READ_FLASH_SLOW, with the
 * data checksum check (bad checksum → error 0x07, block not written) and the flash fault injections. Not
 * thread-safe.
 */
final class RomFlashCommands {

    private static final int DATA_HEADER = 16;

    private final VirtualChip chip;
    private SimFlashWrite write;

    RomFlashCommands(VirtualChip chip) {
        this.chip = chip;
    }

    byte[] handle(Opcode op, ByteBuffer d, int length, int checksum) {
        return switch (op) {
            case FLASH_BEGIN, FLASH_DEFL_BEGIN -> begin(op, d, length);
            case FLASH_DATA, FLASH_DEFL_DATA -> data(op, d, length, checksum);
            case FLASH_END, FLASH_DEFL_END -> {
                write = null;
                yield RomSession.ok(op, 0);
            }
            case SPI_FLASH_MD5 -> md5(d, length);
            case READ_FLASH_SLOW -> readSlow(d, length);
            default -> RomSession.fail(op, RomError.INVALID_MESSAGE);
        };
    }

    private byte[] begin(Opcode op, ByteBuffer d, int length) {
        boolean fiveWords = chip.target().romFlashBeginHasEncryptWord();
        if (length != (fiveWords ? 20 : 16)) {
            return RomSession.fail(op, RomError.INVALID_MESSAGE);
        }
        int eraseSize = d.getInt(0);
        int blocks = d.getInt(4);
        int blockSize = d.getInt(8);
        int offset = d.getInt(12);
        boolean encrypt = fiveWords && d.getInt(16) != 0;
        if (offset < 0 || offset >= chip.flash().size() || blockSize <= 0 || blocks < 0) {
            return RomSession.fail(op, RomError.INVALID_MESSAGE);
        }
        Optional<FlashEncryption> enc = Optional.empty();
        if (encrypt) {
            Optional<byte[]> key = SimFlashKeys.xtsKey(chip.efuse());
            if (key.isEmpty() || op == Opcode.FLASH_DEFL_BEGIN) {
                return RomSession.fail(op, RomError.FAILED_TO_ACT);
            }
            enc = Optional.of(FlashEncryption.xts(key.get()));
        }
        write = new SimFlashWrite(chip.flash(), eraseSize, blocks, blockSize, offset, op == Opcode.FLASH_DEFL_BEGIN,
                enc);
        return RomSession.ok(op, 0);
    }

    private byte[] data(Opcode op, ByteBuffer d, int length, int checksum) {
        if (write == null || length < DATA_HEADER || d.getInt(0) != length - DATA_HEADER) {
            return RomSession.fail(op, RomError.INVALID_MESSAGE);
        }
        byte[] all = d.array();
        if (Requests.checksum(all, DATA_HEADER, length - DATA_HEADER) != checksum) {
            return RomSession.fail(op, RomError.INVALID_CRC);
        }
        if (chip.faults().failDataBlock()) {
            return RomSession.fail(op, RomError.FLASH_WRITE_ERROR);
        }
        Optional<RomError> error = write.block(d.getInt(4), all, DATA_HEADER, length - DATA_HEADER);
        if (error.isPresent()) {
            return RomSession.fail(op, error.get());
        }
        OptionalInt corrupt = chip.faults().silentCorruptionOffset();
        if (corrupt.isPresent() && corrupt.getAsInt() >= write.writtenStart()
                && corrupt.getAsInt() < write.writtenEnd()) {
            chip.flash().corrupt(corrupt.getAsInt(), 0x01);
        }
        return RomSession.ok(op, 0);
    }

    private byte[] md5(ByteBuffer d, int length) {
        int address = d.getInt(0);
        int size = d.getInt(4);
        if (length != 16 || !inFlash(address, size)) {
            return RomSession.fail(Opcode.SPI_FLASH_MD5, RomError.INVALID_MESSAGE);
        }
        byte[] hex = HexFormat.of().formatHex(chip.flash().md5(address, size)).getBytes(StandardCharsets.US_ASCII);
        return RomSession.ok(Opcode.SPI_FLASH_MD5, 0, hex);
    }

    private byte[] readSlow(ByteBuffer d, int length) {
        int address = d.getInt(0);
        int size = d.getInt(4);
        if (length != 8 || size > Requests.READ_FLASH_SLOW_MAX || !inFlash(address, Requests.READ_FLASH_SLOW_MAX)) {
            return RomSession.fail(Opcode.READ_FLASH_SLOW, RomError.FLASH_READ_LENGTH_ERROR);
        }
        // The ROM always answers 64 bytes, whatever length was asked.
        return RomSession.ok(Opcode.READ_FLASH_SLOW, 0, chip.flash().read(address, Requests.READ_FLASH_SLOW_MAX));
    }

    private boolean inFlash(int address, int size) {
        return address >= 0 && size >= 0 && (long) address + size <= chip.flash().size();
    }
}
