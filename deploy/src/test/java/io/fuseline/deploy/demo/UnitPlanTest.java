package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitPlanTest {

    @Test
    void jigsTakeTurnsChipsRotateAndMacsAreUniqueButForTheDuplicate() {
        List<PlannedUnit> plan = UnitPlan.plan(24, 4, 4, 7);
        assertThat(plan).hasSize(24);
        assertThat(plan.get(5).jig()).isEqualTo(1);
        assertThat(plan.stream().filter(u -> u.jig() == 3).map(PlannedUnit::chip)).containsOnly(ChipFamily.ESP32S3);
        assertThat(plan.stream().filter(u -> u.jig() == 2).map(PlannedUnit::chip)).containsOnly(ChipFamily.ESP32);
        assertThat(plan.stream().map(PlannedUnit::fault).filter(f -> f != DemoFault.NONE))
                .containsExactlyInAnyOrder(DemoFault.FLAKY_CABLE, DemoFault.PRE_BURNED, DemoFault.BURN_DOES_NOT_STICK,
                        DemoFault.DUPLICATE_MAC);
        PlannedUnit duplicate = plan.stream().filter(u -> u.fault() == DemoFault.DUPLICATE_MAC).findFirst().orElseThrow();
        PlannedUnit original = plan.get(duplicate.jig());
        assertThat(original.mac()).isEqualTo(duplicate.mac());
        assertThat(original.fault()).isEqualTo(DemoFault.NONE);
        assertThat(plan.stream().map(PlannedUnit::mac).distinct()).hasSize(23);
        assertThat(plan.get(0).mac().toString()).isEqualTo("7c:df:a1:07:00:01");
        assertThat(plan.subList(0, 4)).allMatch(u -> u.fault() == DemoFault.NONE);
    }

    @Test
    void faultsNeverExceedWhatTheQueuesCanCarry() {
        assertThatThrownBy(() -> UnitPlan.plan(5, 4, 2, 1)).hasMessageContaining("at most 1");
        assertThat(UnitPlan.plan(3, 3, 0, 1)).allMatch(u -> u.fault() == DemoFault.NONE);
    }
}
