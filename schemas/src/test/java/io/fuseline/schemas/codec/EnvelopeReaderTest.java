package io.fuseline.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    @Test
    void theFastPathReadsEveryUtcShapeExactlyAsTheGeneralParser() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
            // Instant.toString drops trailing zero groups: seconds, millis, micros and nanos all occur.
            for (Instant shape : new Instant[] {t, t.truncatedTo(ChronoUnit.SECONDS), t.truncatedTo(ChronoUnit.MILLIS),
                    t.truncatedTo(ChronoUnit.MICROS)}) {
                String text = shape.toString();
                assertThat(EnvelopeReader.utc(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
        }
        assertThat(EnvelopeReader.utc("2026-11-21T20:00:00.5Z")).isEqualTo(Instant.parse("2026-11-21T20:00:00.500Z"));
    }

    @Test
    void otherShapesAreLeftToTheGeneralParser() {
        for (String other : new String[] {"2026-11-21T20:00:00+01:00", "2026-11-21t20:00:00z", "2026-11-21T20:00Z",
                "2026-11-21T20:00:00.Z", "2026-11-21T20:00:00.1234567890Z", "2026-11-21 20:00:00Z",
                "+12026-11-21T20:00:00Z", "2026-1a-21T20:00:00Z", "2026-11-21T20:00:00,5Z"}) {
            assertThat(EnvelopeReader.utc(other)).as(other).isNull();
        }
    }

    @Test
    void outOfRangeFieldsAreRefused() {
        assertThatThrownBy(() -> EnvelopeReader.utc("2026-13-21T20:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> EnvelopeReader.utc("2026-02-30T20:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> EnvelopeReader.utc("2026-11-21T24:00:00Z")).isInstanceOf(DateTimeException.class);
    }
}
