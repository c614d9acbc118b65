package io.fuseline.deploy.demo;

import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One virtual jig of the demo with its queue of units, and what is happening on it now. Guarded by the
 * {@link DemoRun} that owns it.
 */
final class JigBay implements AutoCloseable {
    final int index;
    final String jigId;
    final ChipFamily chip;
    final VirtualJigServer server;
    final Deque<PlannedUnit> queue;
    private final int baudLimit;

    PlannedUnit current;
    VirtualChip currentChip;
    Instant insertedAt;
    long wireMillis;
    int jobs;
    int failedSteps;
    int step;
    int steps;
    StepKind stepKind;
    String note = "";

    private JigBay(int index, ChipFamily chip, VirtualJigServer server, List<PlannedUnit> units, int baudLimit) {
        this.index = index;
        this.jigId = "jig-" + (index + 1);
        this.chip = chip;
        this.server = server;
        this.queue = new ArrayDeque<>(units);
        this.baudLimit = baudLimit;
    }

    static JigBay open(int index, List<PlannedUnit> units, int baudLimit) throws IOException {
        return new JigBay(index, UnitPlan.chipOfJig(index), VirtualJigServer.startEmpty(InetAddress.getLoopbackAddress(),
                0), units, baudLimit);
    }

    /** Puts the next queued unit on the jig; false when the queue is empty. */
    boolean insertNext(Instant now) throws IOException {
        PlannedUnit next = queue.poll();
        if (next == null) {
            return false;
        }
        JigConfig config = JigConfig.defaults(next.chip()).withMac(next.mac()).withFaults(next.fault().chipFaults())
                .withBaudLimit(baudLimit);
        currentChip = new VirtualChip(config);
        current = next;
        insertedAt = now;
        wireMillis = 0;
        jobs = 0;
        failedSteps = 0;
        step = 0;
        steps = 0;
        stepKind = null;
        note = "waiting for the station";
        server.insert(currentChip);
        return true;
    }

    /** Takes the unit off the jig. */
    VirtualChip eject() {
        VirtualChip was = currentChip;
        server.eject();
        current = null;
        currentChip = null;
        note = "";
        return was;
    }

    boolean busy() {
        return current != null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
