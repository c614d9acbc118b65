package io.fuseline.orchestrator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of the benchmark's parties, read from {@code /proc} (Linux): this JVM (the simulated line), the
 * broker's process (zero when the broker runs in this JVM), the orchestrator's process, and the PostgreSQL server (its postmaster, its live backends, and the
 * backends that have exited, which the kernel charges to the postmaster). CPU seconds per unit do not depend on what
 * else runs on the machine the way units per second do, so runs on a shared machine stay comparable.
 */
final class CpuMeter {
    private static final double TICK = 100.0; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

    /** CPU seconds so far of each party. */
    record Sample(double harness, double broker, double orchestrator, double postgres) {
        Sample minus(Sample start) {
            return new Sample(harness - start.harness, broker - start.broker, orchestrator - start.orchestrator,
                    postgres - start.postgres);
        }

        /** The system under test: what a line runs whatever drives it. */
        double line() { return broker + orchestrator + postgres; }

        double total() { return harness + line(); }
    }

    private final long brokerPid;
    private final long orchestratorPid;
    private final Path postmasterPidFile;

    /** {@code brokerPid} 0: the broker runs in this JVM and is counted with the harness. */
    CpuMeter(long brokerPid, long orchestratorPid, Path postgresDataDir) {
        this.brokerPid = brokerPid;
        this.orchestratorPid = orchestratorPid;
        this.postmasterPidFile = postgresDataDir.resolve("postmaster.pid");
    }

    Sample sample() {
        double harness = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Sample(harness, brokerPid == 0 ? 0 : ticks(brokerPid, false) / TICK,
                ticks(orchestratorPid, false) / TICK, postgres() / TICK);
    }

    private long postgres() {
        Optional<Long> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return 0;
        }
        long pid = postmaster.get();
        long sum = ticks(pid, true);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            sum += ticks(child.pid(), false);
        }
        return sum;
    }

    private Optional<Long> postmaster() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime + stime (and, with {@code reaped}, the children it has waited for) of a process, in clock ticks. */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces), counting from field 3 (state) at index 0.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException gone) {
            return 0; // exited meanwhile, or not Linux
        }
    }
}
