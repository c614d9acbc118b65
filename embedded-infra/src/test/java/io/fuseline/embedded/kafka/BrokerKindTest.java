package io.fuseline.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerKindTest {
    @Test
    void parsesTheThreeKindsInAnyCase() {
        assertThat(BrokerKind.parse("embedded")).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(BrokerKind.parse(" Testcontainers ")).isEqualTo(BrokerKind.TESTCONTAINERS);
        assertThat(BrokerKind.parse("AUTO")).isEqualTo(BrokerKind.AUTO);
    }

    @Test
    void refusesAnUnknownKindNamingTheProperty() {
        assertThatThrownBy(() -> BrokerKind.parse("docker"))
                .hasMessageContaining("fuseline.kafka.broker=docker")
                .hasMessageContaining("embedded, testcontainers or auto");
    }

    @Test
    void refusesANegativePort() {
        assertThatThrownBy(() -> BrokerOptions.defaults().withPort(-1)).hasMessageContaining("-1");
    }
}
