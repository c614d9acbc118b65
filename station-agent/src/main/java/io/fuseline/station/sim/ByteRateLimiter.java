package io.fuseline.station.sim;

/**
 * A token bucket that paces a byte stream to a UART's line rate: {@code baud / 10} bytes per second (8N1 spends ten
 * bit times per byte). The bucket holds at most a few milliseconds of bytes, so bursts cannot outrun the line.
 *
 * <p>Time and waiting are injected so the arithmetic can be tested without a clock. Thread-safe.
 */
public final class ByteRateLimiter {

    /** Source of nanoseconds and of waiting. */
    public interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };

        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final long BURST_NANOS = 2_000_000;

    private final Clock clock;
    private double bytesPerNano;
    private double tokens;
    private long last;

    public ByteRateLimiter(int baud, Clock clock) {
        this.clock = clock;
        setBaud(baud);
        this.last = clock.nanoTime();
    }

    /** Changes the line rate, e.g. after CHANGE_BAUDRATE. */
    public synchronized void setBaud(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, was " + baud);
        }
        this.bytesPerNano = baud / 10.0 / 1e9;
    }

    /** Blocks until {@code n} bytes may pass the line. */
    public synchronized void acquire(int n) throws InterruptedException {
        refill();
        tokens -= n;
        if (tokens < 0) {
            long wait = (long) Math.ceil(-tokens / bytesPerNano);
            clock.sleepNanos(wait);
            refill();
        }
    }

    private void refill() {
        long now = clock.nanoTime();
        tokens = Math.min(BURST_NANOS * bytesPerNano, tokens + (now - last) * bytesPerNano);
        last = now;
    }
}
