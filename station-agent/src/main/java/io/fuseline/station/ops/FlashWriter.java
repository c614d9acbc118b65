package io.fuseline.station.ops;

import io.fuseline.station.protocol.Request;
import io.fuseline.station.protocol.Requests;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes flash through the ROM loader: FLASH_BEGIN (which erases) and 0x400-byte FLASH_DATA blocks, or the
 * FLASH_DEFL_* variants with a level-9 zlib stream. Like esptool on the ROM it sends no FLASH_END: the chip stays
 * in the loader for verification. A block that fails retriably (timeout, bad CRC, flash write error) is sent again,
 * up to {@link LoaderSettings#blockAttempts()} times, after flushing stale input.
 *
 * <p>Does not verify; see {@link FlashVerifier}.
 */
final class FlashWriter {

    static final int BLOCK = Requests.ROM_FLASH_BLOCK_SIZE;

    private final CommandChannel channel;
    private final LoaderSettings settings;
    private final LoaderTarget target;

    FlashWriter(CommandChannel channel, LoaderSettings settings, LoaderTarget target) {
        this.channel = channel;
        this.settings = settings;
        this.target = target;
    }

    FlashWriteResult write(int address, byte[] data, FlashWriteOptions options, ProgressListener progress)
            throws LoaderException {
        if (options.encrypt() && !target.romFlashBeginHasEncryptWord()) {
            throw new UnsupportedChipException(target + " ROM cannot encrypt while writing (only its stub can)");
        }
        boolean compress = options.compress() && !options.encrypt();
        byte[] stream = compress ? deflate(data) : data;
        int blocks = Math.max(1, (stream.length + BLOCK - 1) / BLOCK);
        // The ROM erases at BEGIN: plain writes announce the data size, compressed ones whole blocks of it.
        int eraseSize = compress ? (data.length + BLOCK - 1) / BLOCK * BLOCK : data.length;
        channel.execute(begin(compress, eraseSize, blocks, address, options.encrypt()),
                settings.scaled(settings.eraseTimeoutPerMb(), eraseSize));
        Duration blockTimeout = compress
                ? settings.scaled(settings.writeTimeoutPerMb(), (long) BLOCK * data.length / Math.max(1, stream.length))
                : settings.commandTimeout();
        int retries = 0;
        for (int seq = 0; seq < blocks; seq++) {
            byte[] chunk = Arrays.copyOfRange(stream, seq * BLOCK, Math.min(stream.length, (seq + 1) * BLOCK));
            Request r = compress ? Requests.flashDeflData(seq, chunk) : Requests.flashData(seq, chunk, BLOCK);
            retries += sendBlock(r, blockTimeout);
            long done = Math.min(data.length, (long) (seq + 1) * BLOCK * data.length / Math.max(1, stream.length));
            progress.progress(done, data.length);
        }
        long streamBytes = compress ? stream.length : (long) blocks * BLOCK;
        return new FlashWriteResult(address, data.length, streamBytes, blocks, retries, compress, options.encrypt());
    }

    /** Returns how many retries the block needed. */
    private int sendBlock(Request block, Duration timeout) throws LoaderException {
        for (int attempt = 1; ; attempt++) {
            try {
                channel.execute(block, timeout);
                return attempt - 1;
            } catch (LoaderTimeoutException | LoaderCommandException e) {
                if (!e.retriable() || attempt >= settings.blockAttempts()) {
                    throw e;
                }
                channel.flushInput();
            }
        }
    }

    private Request begin(boolean compress, int eraseSize, int blocks, int address, boolean encrypt) {
        boolean fiveWords = target.romFlashBeginHasEncryptWord();
        if (compress) {
            return fiveWords ? Requests.flashDeflBegin(eraseSize, blocks, BLOCK, address, encrypt)
                    : Requests.flashDeflBegin(eraseSize, blocks, BLOCK, address);
        }
        return fiveWords ? Requests.flashBegin(eraseSize, blocks, BLOCK, address, encrypt)
                : Requests.flashBegin(eraseSize, blocks, BLOCK, address);
    }

    /** zlib stream (with header and Adler-32) at level 9, which is what the ROM's inflater expects. */
    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buf = new byte[65536];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
