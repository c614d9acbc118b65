package io.fuseline.hsm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A vault that is down is waited for with a growing backoff; a refusal is returned at once (then dead-lettered). */
class RetrierTest {
    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(Duration.ofMillis(100), Duration.ofMillis(300), waits::add);

    @Test
    void retriableFailuresAreTriedAgainUntilTheVaultIsBack() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.run("issue", () -> {
            if (calls.incrementAndGet() < 5) {
                throw new VaultException(VaultError.TOKEN_UNAVAILABLE, "CKR_DEVICE_REMOVED", "C_GenerateKey failed", null);
            }
            return "issued";
        });
        assertThat(result).isEqualTo("issued");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.run("issue", () -> {
            calls.incrementAndGet();
            throw new VaultException(VaultError.ALREADY_ISSUED, "already issued");
        })).isInstanceOf(VaultException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
