package io.fuseline.station.sim;

import io.fuseline.station.protocol.Opcode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The jig's faults and the counters that decide when they fire. One connection at a time uses a jig, so the
 * methods are synchronized only to make test inspection safe.
 */
final class FaultPlan {

    private final List<Fault> faults;
    private final Map<Opcode, Integer> requests = new EnumMap<>(Opcode.class);
    private final Map<Opcode, Integer> responses = new EnumMap<>(Opcode.class);
    private int dataBlocks;

    FaultPlan(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    /** Counts an arriving request; returns its occurrence number for this op. */
    synchronized int countRequest(Opcode op) {
        return requests.merge(op, 1, Integer::sum);
    }

    synchronized int countResponse(Opcode op) {
        return responses.merge(op, 1, Integer::sum);
    }

    synchronized boolean ignoreSync(int occurrence) {
        return faults.stream().anyMatch(f -> f instanceof Fault.NoSync n && occurrence <= n.count());
    }

    synchronized boolean corruptRequest(Opcode op, int occurrence) {
        return faults.stream().anyMatch(f -> f instanceof Fault.CorruptRequest c && c.op() == op
                && c.occurrence() == occurrence);
    }

    synchronized boolean disconnect(Opcode op, int occurrence) {
        return faults.stream().anyMatch(f -> f instanceof Fault.DisconnectAt d && d.op() == op
                && d.occurrence() == occurrence);
    }

    /** Bytes to cut from the end of this answer's frame, if any. */
    synchronized OptionalInt dropBytes(Opcode op, int occurrence) {
        return faults.stream().filter(f -> f instanceof Fault.DropResponseBytes d && d.op() == op
                        && d.occurrence() == occurrence)
                .mapToInt(f -> ((Fault.DropResponseBytes) f).bytes()).findFirst();
    }

    /** Counts a flash data block that passed its checksum; true if it must fail with a flash write error. */
    synchronized boolean failDataBlock() {
        int n = ++dataBlocks;
        return faults.stream().anyMatch(f -> f instanceof Fault.FlashWriteError w && n >= w.occurrence()
                && n < w.occurrence() + w.count());
    }

    synchronized OptionalInt silentCorruptionOffset() {
        return faults.stream().filter(f -> f instanceof Fault.SilentFlashCorruption)
                .mapToInt(f -> ((Fault.SilentFlashCorruption) f).flashOffset()).findFirst();
    }

    synchronized boolean preBurnedSecurity() {
        return faults.stream().anyMatch(f -> f instanceof Fault.PreBurnedSecurity);
    }

    synchronized boolean burnsStick() {
        return faults.stream().noneMatch(f -> f instanceof Fault.BurnDoesNotStick);
    }
}
