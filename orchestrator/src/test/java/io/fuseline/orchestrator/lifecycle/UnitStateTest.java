package io.fuseline.orchestrator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitStateTest {

    /** The enum switches are exhaustive only if every record has its own constant, and the names agree. */
    @Test
    void everyStateRecordHasExactlyOneKindOfTheSameName() {
        assertThat(Arrays.stream(UnitState.class.getPermittedSubclasses())
                .map(c -> c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(StateKind.values()).map(Enum::name).toList());
    }
}
