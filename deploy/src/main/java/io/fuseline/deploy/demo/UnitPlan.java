package io.fuseline.deploy.demo;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which units a demo run feeds through which jigs. Jig {@code j} holds one chip family (S3, C3, ESP32, S3, …), unit
 * {@code n} goes to jig {@code n mod jigs}, so every jig has a queue. Faults go to units spread over the run, never
 * to a jig's first unit: a duplicate MAC copies the first unit of its own jig, which is healthy and done by then.
 * MACs carry the run number, so a resumed line never meets an old unit by accident.
 */
public final class UnitPlan {
    static final List<ChipFamily> JIG_CHIPS = List.of(ChipFamily.ESP32S3, ChipFamily.ESP32C3, ChipFamily.ESP32);

    private UnitPlan() {
    }

    /** The chip family of jig {@code jig} (from 0). */
    public static ChipFamily chipOfJig(int jig) {
        return JIG_CHIPS.get(jig % JIG_CHIPS.size());
    }

    /**
     * @param run    this run's number on the line, from 1 (at most 255)
     * @param faults how many units get a fault; at most {@code units - jigs}
     */
    public static List<PlannedUnit> plan(int units, int jigs, int faults, int run) {
        if (jigs < 1 || units < 1) {
            throw new IllegalArgumentException("a run needs at least one jig and one unit");
        }
        if (faults < 0 || faults > Math.max(0, units - jigs)) {
            throw new IllegalArgumentException("with " + units + " units on " + jigs + " jigs at most "
                    + Math.max(0, units - jigs) + " can have a fault (a jig's first unit is always healthy), not "
                    + faults);
        }
        if (run < 1 || run > 255) {
            throw new IllegalArgumentException("run number must be 1..255, was " + run);
        }
        DemoFault[] fault = new DemoFault[units];
        java.util.Arrays.fill(fault, DemoFault.NONE);
        int spread = faults == 0 ? 0 : Math.max(1, (units - jigs) / faults);
        for (int k = 0; k < faults; k++) {
            int index = units - 1 - k * spread;
            while (fault[index] != DemoFault.NONE) {
                index--;
            }
            fault[index] = DemoFault.ROTATION.get(k % DemoFault.ROTATION.size());
        }
        List<PlannedUnit> plan = new ArrayList<>(units);
        for (int n = 0; n < units; n++) {
            int jig = n % jigs;
            ChipFamily chip = chipOfJig(jig);
            MacAddress mac = fault[n] == DemoFault.DUPLICATE_MAC ? plan.get(jig).mac() : mac(chip, run, n + 1);
            plan.add(new PlannedUnit(n + 1, jig, chip, mac, fault[n]));
        }
        return List.copyOf(plan);
    }

    /** An Espressif OUI per family, then the run and the unit number: unique on this line. */
    static MacAddress mac(ChipFamily chip, int run, int number) {
        String oui = switch (chip) {
            case ESP32 -> "24:0a:c4";
            case ESP32S3 -> "7c:df:a1";
            case ESP32C3 -> "58:cf:79";
        };
        return MacAddress.parse(String.format("%s:%02x:%02x:%02x", oui, run, (number >> 8) & 0xff, number & 0xff));
    }
}
