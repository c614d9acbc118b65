package io.fuseline.station.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds, with our {@link Requests} builders, the request esptool sent: the parameters (addresses, sizes,
 * sequence numbers, the payload before padding) are read from the transcript's data, everything else — layout,
 * extra words, padding, checksum, header, SLIP — must come out of the builders identical to esptool's bytes.
 */
final class TranscriptRequests {

    private TranscriptRequests() {
    }

    static Request rebuild(Opcode op, byte[] d, StatusDialect dialect) {
        return switch (op) {
            case SYNC -> Requests.sync();
            case READ_REG -> Requests.readReg(w(d, 0));
            case WRITE_REG -> Requests.writeReg(records(d));
            case SPI_ATTACH -> Requests.spiAttach(w(d, 0), dialect);
            case SPI_SET_PARAMS -> w(d, 2) == 0x10000 && w(d, 3) == 0x1000 && w(d, 0) == 0
                    ? Requests.spiSetParams(w(d, 1))
                    : Requests.spiSetParams(w(d, 0), w(d, 1), w(d, 2), w(d, 3), w(d, 4), w(d, 5));
            case FLASH_BEGIN -> d.length == 16
                    ? Requests.flashBegin(w(d, 0), w(d, 1), w(d, 2), w(d, 3))
                    : Requests.flashBegin(w(d, 0), w(d, 1), w(d, 2), w(d, 3), w(d, 4) != 0);
            case FLASH_DEFL_BEGIN -> d.length == 16
                    ? Requests.flashDeflBegin(w(d, 0), w(d, 1), w(d, 2), w(d, 3))
                    : Requests.flashDeflBegin(w(d, 0), w(d, 1), w(d, 2), w(d, 3), w(d, 4) != 0);
            // Strip the 0xFF tail so the builder has to pad it back to the block size itself.
            case FLASH_DATA -> Requests.flashData(w(d, 1), unpadded(d), w(d, 0));
            case FLASH_DEFL_DATA -> Requests.flashDeflData(w(d, 1), Arrays.copyOfRange(d, 16, d.length));
            case MEM_DATA -> Requests.memData(w(d, 1), Arrays.copyOfRange(d, 16, d.length));
            case FLASH_END -> Requests.flashEnd(w(d, 0) == 0);
            case FLASH_DEFL_END -> Requests.flashDeflEnd(w(d, 0) == 0);
            case SPI_FLASH_MD5 -> Requests.spiFlashMd5(w(d, 0), w(d, 1));
            case READ_FLASH_SLOW -> Requests.readFlashSlow(w(d, 0), w(d, 1));
            case READ_FLASH -> Requests.readFlash(w(d, 0), w(d, 1), w(d, 2), w(d, 3));
            case CHANGE_BAUDRATE -> Requests.changeBaudrate(w(d, 0), w(d, 1));
            case GET_SECURITY_INFO -> Requests.getSecurityInfo();
            case ERASE_REGION -> Requests.eraseRegion(w(d, 0), w(d, 1));
            case ERASE_FLASH -> Requests.eraseFlash();
            case MEM_BEGIN -> Requests.memBegin(w(d, 0), w(d, 1), w(d, 2), w(d, 3));
            case MEM_END -> Requests.memEnd(w(d, 1));
            default -> throw new IllegalArgumentException("no builder for " + op);
        };
    }

    static int w(byte[] d, int index) {
        return ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getInt(index * 4);
    }

    private static List<WriteRegister> records(byte[] d) {
        List<WriteRegister> out = new ArrayList<>();
        for (int i = 0; i < d.length / 16; i++) {
            out.add(new WriteRegister(w(d, 4 * i), w(d, 4 * i + 1), w(d, 4 * i + 2), w(d, 4 * i + 3)));
        }
        return out;
    }

    private static byte[] unpadded(byte[] d) {
        int end = d.length;
        while (end > 16 && d[end - 1] == (byte) 0xFF) {
            end--;
        }
        return Arrays.copyOfRange(d, 16, end);
    }
}
