package io.fuseline.station.ops;

import java.time.Duration;

/**
 * Every timeout and retry count of the loader client, with esptool's values as defaults (NOTES §e.3).
 * Immutable; validated on construction so a bad configuration fails at start-up, naming the setting.
 *
 * @param commandTimeout      answer timeout of an ordinary command (default 3 s)
 * @param syncTimeout         answer timeout of one SYNC (default 0.1 s; applies to TCP latency too)
 * @param eraseTimeoutPerMb   FLASH_BEGIN timeout per MiB erased (the ROM erases there; default 30 s)
 * @param writeTimeoutPerMb   timeout per MiB for a FLASH_DEFL_DATA block, which the ROM inflates and writes
 *                            before it answers (default 40 s)
 * @param md5TimeoutPerMb     SPI_FLASH_MD5 timeout per MiB hashed (default 8 s)
 * @param connectAttempts     connect attempts, each a reset followed by sync attempts (default 7)
 * @param syncAttempts        SYNC commands per connect attempt (default 5)
 * @param blockAttempts       attempts per flash data block on a retriable error (default 3)
 * @param maxFrameLength      largest response frame accepted, in bytes
 * @param maxSkippedFrames    foreign frames skipped while waiting for one answer (default 100)
 */
public record LoaderSettings(Duration commandTimeout, Duration syncTimeout, Duration eraseTimeoutPerMb,
        Duration writeTimeoutPerMb, Duration md5TimeoutPerMb, int connectAttempts, int syncAttempts,
        int blockAttempts, int maxFrameLength, int maxSkippedFrames) {

    private static final long MIB = 1024 * 1024;

    public LoaderSettings {
        positive(commandTimeout, "commandTimeout");
        positive(syncTimeout, "syncTimeout");
        positive(eraseTimeoutPerMb, "eraseTimeoutPerMb");
        positive(writeTimeoutPerMb, "writeTimeoutPerMb");
        positive(md5TimeoutPerMb, "md5TimeoutPerMb");
        atLeast(connectAttempts, 1, "connectAttempts");
        atLeast(syncAttempts, 1, "syncAttempts");
        atLeast(blockAttempts, 1, "blockAttempts");
        atLeast(maxFrameLength, 64, "maxFrameLength");
        atLeast(maxSkippedFrames, 0, "maxSkippedFrames");
    }

    /** esptool's values. */
    public static LoaderSettings defaults() {
        return new LoaderSettings(Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30),
                Duration.ofSeconds(40), Duration.ofSeconds(8), 7, 5, 3, 64 * 1024 + 1024, 100);
    }

    public LoaderSettings withCommandTimeout(Duration d) {
        return new LoaderSettings(d, syncTimeout, eraseTimeoutPerMb, writeTimeoutPerMb, md5TimeoutPerMb,
                connectAttempts, syncAttempts, blockAttempts, maxFrameLength, maxSkippedFrames);
    }

    public LoaderSettings withSyncTimeout(Duration d) {
        return new LoaderSettings(commandTimeout, d, eraseTimeoutPerMb, writeTimeoutPerMb, md5TimeoutPerMb,
                connectAttempts, syncAttempts, blockAttempts, maxFrameLength, maxSkippedFrames);
    }

    public LoaderSettings withPerMbTimeouts(Duration erase, Duration write, Duration md5) {
        return new LoaderSettings(commandTimeout, syncTimeout, erase, write, md5, connectAttempts, syncAttempts,
                blockAttempts, maxFrameLength, maxSkippedFrames);
    }

    public LoaderSettings withAttempts(int connect, int sync, int block) {
        return new LoaderSettings(commandTimeout, syncTimeout, eraseTimeoutPerMb, writeTimeoutPerMb,
                md5TimeoutPerMb, connect, sync, block, maxFrameLength, maxSkippedFrames);
    }

    /**
     * {@code perMb} scaled to {@code bytes}, never below {@link #commandTimeout()} (esptool's
     * {@code timeout_per_mb}).
     */
    public Duration scaled(Duration perMb, long bytes) {
        Duration d = Duration.ofNanos((long) (perMb.toNanos() * (bytes / (double) MIB)));
        return d.compareTo(commandTimeout) < 0 ? commandTimeout : d;
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("loader setting " + name + " must be a positive duration, was " + d);
        }
    }

    private static void atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException("loader setting " + name + " must be at least " + min + ", was " + v);
        }
    }
}
