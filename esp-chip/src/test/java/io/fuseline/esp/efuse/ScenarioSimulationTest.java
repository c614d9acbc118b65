package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every scenario: the planned burn, expanded into espefuse's register sequence and applied to the
 * previous step's registers by the controller model (with espefuse's emulator update semantics), must give
 * the next step's {@code regs.bin} byte for byte, controller registers included.
 */
class ScenarioSimulationTest {

    static Stream<BurnPlannerVectorsTest.Transition> transitions() {
        return BurnPlannerVectorsTest.successfulBurns();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void plannedBurnYieldsTheNextRegisterImage(BurnPlannerVectorsTest.Transition t) {
        BurnPlan plan = BurnPlanner.plan(t.before(), EspefuseCommands.requests(t.step()));
        EfuseControllerModel model = new EfuseControllerModel(t.before(), UpdateSemantics.ESPEFUSE_VIRTUAL);
        model.apply(ProgramSequence.of(plan));
        assertThat(model.snapshot().toMemoryImage()).isEqualTo(t.step().registers().toMemoryImage());
    }

    @Test
    void everyRowOfBurnWritesIsReproduced() {
        long planned = BurnPlannerVectorsTest.successfulBurns().mapToLong(t ->
                BurnPlanner.plan(t.before(), EspefuseCommands.requests(t.step())).programs().size()).sum();
        assertThat(planned).isEqualTo(EfuseVectors.tsv("burn_writes.tsv").size());
    }
}
