package io.fuseline.station.protocol;

import static io.fuseline.station.protocol.LittleEndian.words;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link Request}s with the data layout each command expects (NOTES §e.2). Every command that occurs
 * in the esptool v4.12 transcripts under {@code src/test/resources/vectors/protocol} is checked there byte for
 * byte; MEM_*, FLASH_END and ERASE_FLASH are not in them and follow the notes only. All integer arguments are unsigned 32-bit values held in
 * {@code int}s; addresses and sizes are in bytes. Stateless and thread-safe.
 */
public final class Requests {

    /** Block size of FLASH_DATA / FLASH_DEFL_DATA when the ROM loader writes. */
    public static final int ROM_FLASH_BLOCK_SIZE = 0x400;
    /** Block size of FLASH_DATA / FLASH_DEFL_DATA when the stub writes. */
    public static final int STUB_FLASH_BLOCK_SIZE = 0x4000;
    /** Block size esptool uses for MEM_DATA. */
    public static final int MEM_BLOCK_SIZE = 0x1800;
    /** Most bytes one READ_FLASH_SLOW returns. */
    public static final int READ_FLASH_SLOW_MAX = 64;
    /** Seed of the data checksum. */
    public static final int CHECKSUM_SEED = 0xEF;

    private static final int DATA_SUB_HEADER = 16;
    private static final byte[] SYNC_DATA = syncData();

    private Requests() {
    }

    /** SYNC: {@code 07 07 12 20} and 32 × {@code 55}. The chip answers it eight times. */
    public static Request sync() {
        return new Request(Opcode.SYNC, SYNC_DATA);
    }

    /** READ_REG: the register's value comes back in the response's value field. */
    public static Request readReg(int address) {
        return new Request(Opcode.READ_REG, words(address));
    }

    /** WRITE_REG with one or more records, applied in order. */
    public static Request writeReg(List<WriteRegister> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("WRITE_REG needs at least one record");
        }
        int[] w = new int[records.size() * 4];
        for (int i = 0; i < records.size(); i++) {
            WriteRegister r = records.get(i);
            w[4 * i] = r.address();
            w[4 * i + 1] = r.value();
            w[4 * i + 2] = r.mask();
            w[4 * i + 3] = r.delayMicros();
        }
        return new Request(Opcode.WRITE_REG, words(w));
    }

    /** WRITE_REG of one record. */
    public static Request writeReg(WriteRegister record) {
        return writeReg(List.of(record));
    }

    /**
     * SPI_ATTACH. {@code pins} is 0 for the default SPI pins, else {@code HD<<24 | CS<<18 | D<<12 | Q<<6 | CLK}.
     * The ROM expects a second, zero word; the stub does not.
     */
    public static Request spiAttach(int pins, StatusDialect loader) {
        return new Request(Opcode.SPI_ATTACH, loader == StatusDialect.ROM ? words(pins, 0) : words(pins));
    }

    /** SPI_SET_PARAMS with esptool's geometry: id 0, 64 KiB blocks, 4 KiB sectors, 256 B pages, mask 0xFFFF. */
    public static Request spiSetParams(int totalSize) {
        return spiSetParams(0, totalSize, 0x10000, 0x1000, 0x100, 0xFFFF);
    }

    /** SPI_SET_PARAMS with every field explicit, in wire order. */
    public static Request spiSetParams(int flashId, int totalSize, int blockSize, int sectorSize, int pageSize,
            int statusMask) {
        return new Request(Opcode.SPI_SET_PARAMS, words(flashId, totalSize, blockSize, sectorSize, pageSize,
                statusMask));
    }

    /**
     * FLASH_BEGIN in the four-word layout of the ESP32 ROM. The ROM erases {@code eraseSize} bytes here,
     * which can take seconds.
     */
    public static Request flashBegin(int eraseSize, int numBlocks, int blockSize, int offset) {
        return new Request(Opcode.FLASH_BEGIN, words(eraseSize, numBlocks, blockSize, offset));
    }

    /**
     * FLASH_BEGIN in the five-word layout of the S2/S3/C3 ROMs and the stub. With {@code encrypted} the
     * S3/C3 ROM encrypts the data with the eFuse key as it writes.
     */
    public static Request flashBegin(int eraseSize, int numBlocks, int blockSize, int offset, boolean encrypted) {
        return new Request(Opcode.FLASH_BEGIN, words(eraseSize, numBlocks, blockSize, offset, encrypted ? 1 : 0));
    }

    /** FLASH_DEFL_BEGIN, four-word layout; {@code numBlocks} counts blocks of the compressed stream. */
    public static Request flashDeflBegin(int eraseSize, int numBlocks, int blockSize, int offset) {
        return new Request(Opcode.FLASH_DEFL_BEGIN, words(eraseSize, numBlocks, blockSize, offset));
    }

    /** FLASH_DEFL_BEGIN, five-word layout (S2/S3/C3 ROMs, stub). */
    public static Request flashDeflBegin(int eraseSize, int numBlocks, int blockSize, int offset,
            boolean encrypted) {
        return new Request(Opcode.FLASH_DEFL_BEGIN,
                words(eraseSize, numBlocks, blockSize, offset, encrypted ? 1 : 0));
    }

    /**
     * FLASH_DATA block {@code sequence}: {@code block} is padded with {@code 0xFF} to {@code blockSize} (the
     * loader always writes whole blocks; erased flash reads 0xFF, so padding is invisible), and the checksum
     * covers the padded data.
     *
     * @throws IllegalArgumentException if the block is longer than {@code blockSize}
     */
    public static Request flashData(int sequence, byte[] block, int blockSize) {
        if (block.length > blockSize) {
            throw new IllegalArgumentException("FLASH_DATA block of " + block.length + " bytes exceeds block size "
                    + blockSize);
        }
        byte[] padded = Arrays.copyOf(block, blockSize);
        Arrays.fill(padded, block.length, blockSize, (byte) 0xFF);
        return dataBlock(Opcode.FLASH_DATA, sequence, padded);
    }

    /** FLASH_DEFL_DATA block {@code sequence} of the zlib stream, sent as is (not padded). */
    public static Request flashDeflData(int sequence, byte[] chunk) {
        return dataBlock(Opcode.FLASH_DEFL_DATA, sequence, chunk);
    }

    /** MEM_DATA block {@code sequence}, sent as is. */
    public static Request memData(int sequence, byte[] chunk) {
        return dataBlock(Opcode.MEM_DATA, sequence, chunk);
    }

    /** FLASH_END: {@code reboot} true restarts the chip, false keeps it in the loader. */
    public static Request flashEnd(boolean reboot) {
        return new Request(Opcode.FLASH_END, words(reboot ? 0 : 1));
    }

    /** FLASH_DEFL_END, same argument as {@link #flashEnd}. */
    public static Request flashDeflEnd(boolean reboot) {
        return new Request(Opcode.FLASH_DEFL_END, words(reboot ? 0 : 1));
    }

    /** SPI_FLASH_MD5 over {@code size} bytes at {@code address}. */
    public static Request spiFlashMd5(int address, int size) {
        return new Request(Opcode.SPI_FLASH_MD5, words(address, size, 0, 0));
    }

    /** READ_FLASH_SLOW (ROM): {@code length} at most {@value #READ_FLASH_SLOW_MAX}; the reply always has 64. */
    public static Request readFlashSlow(int address, int length) {
        if (length < 0 || length > READ_FLASH_SLOW_MAX) {
            throw new IllegalArgumentException("READ_FLASH_SLOW reads at most 64 bytes, asked " + length);
        }
        return new Request(Opcode.READ_FLASH_SLOW, words(address, length));
    }

    /** READ_FLASH (stub): streams {@code packetSize}-byte packets, at most {@code maxInFlight} unacknowledged. */
    public static Request readFlash(int address, int length, int packetSize, int maxInFlight) {
        return new Request(Opcode.READ_FLASH, words(address, length, packetSize, maxInFlight));
    }

    /** CHANGE_BAUDRATE. To the ROM {@code oldBaud} is sent as 0; the stub wants the current rate. */
    public static Request changeBaudrate(int newBaud, int oldBaud) {
        return new Request(Opcode.CHANGE_BAUDRATE, words(newBaud, oldBaud));
    }

    /** GET_SECURITY_INFO, no data. */
    public static Request getSecurityInfo() {
        return new Request(Opcode.GET_SECURITY_INFO, new byte[0]);
    }

    /** MEM_BEGIN: total size, number of blocks, block size, load address. */
    public static Request memBegin(int size, int numBlocks, int blockSize, int address) {
        return new Request(Opcode.MEM_BEGIN, words(size, numBlocks, blockSize, address));
    }

    /** MEM_END: jumps to {@code entry} unless it is 0. */
    public static Request memEnd(int entry) {
        return new Request(Opcode.MEM_END, words(entry == 0 ? 1 : 0, entry));
    }

    /** ERASE_FLASH (stub): the whole chip. Irreversible for the flash content. */
    public static Request eraseFlash() {
        return new Request(Opcode.ERASE_FLASH, new byte[0]);
    }

    /** ERASE_REGION (stub): {@code size} bytes at {@code offset}, both sector-aligned. */
    public static Request eraseRegion(int offset, int size) {
        return new Request(Opcode.ERASE_REGION, words(offset, size));
    }

    /** The data checksum: {@value #CHECKSUM_SEED} XOR every byte of {@code data[offset..offset+length)}. */
    public static int checksum(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int c = CHECKSUM_SEED;
        for (int i = offset; i < offset + length; i++) {
            c ^= data[i] & 0xFF;
        }
        return c;
    }

    private static Request dataBlock(Opcode op, int sequence, byte[] payload) {
        byte[] data = new byte[DATA_SUB_HEADER + payload.length];
        LittleEndian.putU32(data, 0, payload.length);
        LittleEndian.putU32(data, 4, sequence);
        // Words 2 and 3 of the sub-header are reserved and sent as zero.
        System.arraycopy(payload, 0, data, DATA_SUB_HEADER, payload.length);
        return new Request(op, data, checksum(payload, 0, payload.length));
    }

    private static byte[] syncData() {
        byte[] d = new byte[36];
        d[0] = 0x07;
        d[1] = 0x07;
        d[2] = 0x12;
        d[3] = 0x20;
        Arrays.fill(d, 4, d.length, (byte) 0x55);
        return d;
    }
}
