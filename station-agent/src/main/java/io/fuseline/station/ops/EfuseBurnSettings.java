package io.fuseline.station.ops;

import java.time.Duration;

/**
 * Timeouts and retry counts of an eFuse burn, with espefuse's values as defaults (NOTES §d.5). Immutable; validated
 * on construction so a bad configuration fails at start-up, naming the setting.
 *
 * @param idleTimeout    how long the eFuse controller may stay busy (CMD not yet 0) after a program or read
 *                       command (default 0.25 s, espefuse's)
 * @param burnAttempts   program attempts per block before the burn is declared failed (default 3)
 * @param readDelayMicros delay the ESP32-S3/C3 read command carries in a second, pure-delay WRITE_REG record
 *                       (default 1000 µs, esptool's {@code delay_after_us})
 */
public record EfuseBurnSettings(Duration idleTimeout, int burnAttempts, int readDelayMicros) {

    public EfuseBurnSettings {
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("eFuse setting idleTimeout must be a positive duration, was "
                    + idleTimeout);
        }
        if (burnAttempts < 1) {
            throw new IllegalArgumentException("eFuse setting burnAttempts must be at least 1, was " + burnAttempts);
        }
        if (readDelayMicros < 0) {
            throw new IllegalArgumentException("eFuse setting readDelayMicros must not be negative, was "
                    + readDelayMicros);
        }
    }

    /** espefuse's values: 0.25 s, 3 attempts, 1 ms. */
    public static EfuseBurnSettings defaults() {
        return new EfuseBurnSettings(Duration.ofMillis(250), 3, 1000);
    }
}
