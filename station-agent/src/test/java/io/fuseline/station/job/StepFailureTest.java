package io.fuseline.station.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.schemas.message.FailureReason;
import org.junit.jupiter.api.Test;

class StepFailureTest {

    @Test
    void anOperatorReadsWhatWasExpectedAndReadBackOnlyWhenTheStepCompared() {
        assertThat(new StepFailure(FailureReason.VERIFY_MISMATCH, "md5 0a", "md5 ff", "image app").describe())
                .isEqualTo("VERIFY_MISMATCH: image app (expected md5 0a, read md5 ff)");
        assertThat(new StepFailure(FailureReason.VERIFY_MISMATCH, null, "md5 ff", "image app").describe())
                .isEqualTo("VERIFY_MISMATCH: image app (expected -, read md5 ff)");
        assertThat(StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "wrong station").describe())
                .isEqualTo("KEY_UNWRAP_FAILED: wrong station");
    }
}
