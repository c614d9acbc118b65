package io.fuseline.deploy.demo;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.Objects;

/**
 * One unit of a demo run: its place in the queue ({@code number} from 1), the jig it goes to (from 0), its chip,
 * MAC and fault.
 */
public record PlannedUnit(int number, int jig, ChipFamily chip, MacAddress mac, DemoFault fault) {
    public PlannedUnit {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(fault, "fault");
    }
}
