package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans every espefuse command of the scenario folders from the registers before it and compares the register
 * writes with {@code burn_writes.tsv} (every word espefuse wrote, from its --debug logs), block by block, in order.
 */
class BurnPlannerVectorsTest {

    /** Each step with the registers it started from (blank for a scenario's first step). */
    record Transition(EfuseVectors.Step step, EfuseRegisters before) {
        @Override
        public String toString() { return step.toString() + " [" + step.args() + "]"; }
    }

    static Stream<Transition> transitions() {
        List<Transition> out = new ArrayList<>();
        for (String scenario : EfuseVectors.SCENARIOS) {
            EfuseRegisters before = null;
            for (EfuseVectors.Step step : EfuseVectors.steps(scenario)) {
                if (before == null) {
                    before = EfuseRegisters.blank(step.chip());
                }
                out.add(new Transition(step, before));
                before = step.registers();
            }
        }
        return out.stream();
    }

    static Stream<Transition> successfulBurns() {
        return transitions().filter(t -> t.step().exitCode() == 0);
    }

    static Stream<Transition> refusedBurns() {
        return transitions().filter(t -> t.step().exitCode() != 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successfulBurns")
    void plannedWritesAreTheWordsEspefuseWrote(Transition t) {
        BurnPlan plan = BurnPlanner.plan(t.before(), EspefuseCommands.requests(t.step()));
        List<String> expected = new ArrayList<>();
        for (String[] row : EfuseVectors.tsv("burn_writes.tsv")) {
            if (row[0].equals(t.step().scenario()) && row[1].equals(t.step().snapshot())) {
                expected.add("BLOCK" + row[2] + " " + row[3]);
            }
        }
        List<String> actual = plan.programs().stream().map(p -> "BLOCK" + p.blockIndex() + " "
                + String.join(",", p.writes().stream().map(BlockProgram.RegisterWrite::toString).toList())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBurns")
    void refusedCommandsAreRefusedAsWriteProtected(Transition t) {
        assertThatThrownBy(() -> BurnPlanner.plan(t.before(), EspefuseCommands.requests(t.step())))
                .isInstanceOfSatisfying(EfuseBurnRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.WRITE_PROTECTED);
                    assertThat(e.target()).isIn("UART_DOWNLOAD_DIS", "SPI_BOOT_CRYPT_CNT");
                    assertThat(e.getMessage()).contains(e.target()).contains("EFUSE-102");
                });
    }
}
