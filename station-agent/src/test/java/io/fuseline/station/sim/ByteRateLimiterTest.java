package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic on a fake clock: waiting advances the fake time, nothing really sleeps. */
class ByteRateLimiterTest {

    static final class FakeClock implements ByteRateLimiter.Clock {
        long now;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    @Test
    void aSecondOfBytesAtTheLineRateTakesASecond() throws Exception {
        FakeClock clock = new FakeClock();
        ByteRateLimiter limiter = new ByteRateLimiter(921600, clock);
        for (int i = 0; i < 90; i++) {
            limiter.acquire(1024);
        }
        // 92160 bytes at 92160 B/s, less the initial burst allowance of 2 ms.
        assertThat(clock.now).isBetween(998_000_000L - 1_000_000L, 1_000_000_000L + 1_000_000L);
    }

    @Test
    void idleTimeBuysOnlyASmallBurst() throws Exception {
        FakeClock clock = new FakeClock();
        ByteRateLimiter limiter = new ByteRateLimiter(115200, clock);
        clock.now += 10_000_000_000L;
        limiter.acquire(11520);
        // 10 s idle must not let 1 s of data through for free: only 2 ms of it.
        assertThat(clock.slept).isGreaterThan(990_000_000L);
    }

    @Test
    void aBaudChangeAppliesToTheNextBytes() throws Exception {
        FakeClock clock = new FakeClock();
        ByteRateLimiter limiter = new ByteRateLimiter(115200, clock);
        limiter.setBaud(1152000);
        limiter.acquire(115200);
        assertThat(clock.slept).isBetween(990_000_000L, 1_001_000_000L);
    }
}
