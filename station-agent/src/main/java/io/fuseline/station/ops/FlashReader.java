package io.fuseline.station.ops;

import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.StatusDialect;
import io.fuseline.station.protocol.UnexpectedResponseException;

/**
 * Reads flash with the ROM's READ_FLASH_SLOW: 64 bytes per command, so about 2 KiB/s per 115200 baud; for
 * checking what was written, prefer MD5. The ROM has no checksum on read data: a byte corrupted on the line is
 * not detected here.
 */
final class FlashReader {

    private final CommandChannel channel;

    FlashReader(CommandChannel channel) {
        this.channel = channel;
    }

    byte[] read(int address, int length, ProgressListener progress) throws LoaderException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            int n = Math.min(Requests.READ_FLASH_SLOW_MAX, length - done);
            byte[] payload = channel.execute(Requests.readFlashSlow(address + done, n)).payload(StatusDialect.ROM);
            if (payload.length < n) {
                throw new LoaderCommandException(new UnexpectedResponseException(
                        Opcode.READ_FLASH_SLOW,
                        "answer has " + payload.length + " data bytes, asked " + n));
            }
            System.arraycopy(payload, 0, out, done, n);
            done += n;
            progress.progress(done, length);
        }
        return out;
    }
}
