package io.fuseline.station.ops;

import io.fuseline.station.protocol.FlashMd5;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.StatusDialect;
import io.fuseline.station.protocol.UnexpectedResponseException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks flash content with SPI_FLASH_MD5: the chip hashes the region itself, so only 32 hex characters cross the
 * line. A region verifies only when the chip's digest equals the digest of the caller's data; anything else,
 * including an unparseable answer, is not a verification.
 */
final class FlashVerifier {

    private final CommandChannel channel;
    private final LoaderSettings settings;

    FlashVerifier(CommandChannel channel, LoaderSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    FlashMd5 md5(int address, int length) throws LoaderException {
        var r = channel.execute(Requests.spiFlashMd5(address, length),
                settings.scaled(settings.md5TimeoutPerMb(), length));
        try {
            return FlashMd5.parse(r.payload(StatusDialect.ROM), StatusDialect.ROM);
        } catch (UnexpectedResponseException e) {
            throw new LoaderCommandException(e);
        }
    }

    /**
     * @return the verified digest
     * @throws VerificationFailedException the chip's digest differs
     */
    FlashMd5 verify(int address, byte[] expected) throws LoaderException {
        FlashMd5 want = md5Of(expected);
        FlashMd5 got = md5(address, expected.length);
        if (!want.equals(got)) {
            throw new VerificationFailedException(address, expected.length, want, got);
        }
        return got;
    }

    static FlashMd5 md5Of(byte[] data) {
        try {
            return new FlashMd5(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
