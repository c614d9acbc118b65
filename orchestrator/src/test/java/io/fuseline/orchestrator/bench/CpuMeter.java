package io.fuseline.orchestrator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of the benchmark's parties, read from {@code /proc} (Linux): this JVM (the simulated line), the
 * broker's process (zero when the broker runs in this JVM), the orchestrator's process, and the PostgreSQL server
 * (its postmaster, its live backends, and the backends that have exited, which the kernel charges to the
 * postmaster). CPU seconds per unit do not depend on what else runs on the machine the way units per second do, so
 * runs on a shared machine stay comparable.
 */
final class CpuMeter {
    private static final double TICK = 100.0; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

    /**
     * CPU seconds so far of each party, and of the just-in-time compilers' threads of the three JVMs (included in
     * their parties' figures): a JVM still compiling its hot paths is not measured in its steady state yet.
     */
    record Sample(double harness, double broker, double orchestrator, double postgres, double jit) {
        Sample minus(Sample start) {
            return new Sample(harness - start.harness, broker - start.broker, orchestrator - start.orchestrator,
                    postgres - start.postgres, jit - start.jit);
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
        long jit = compilerTicks(ProcessHandle.current().pid()) + compilerTicks(orchestratorPid)
                + (brokerPid == 0 ? 0 : compilerTicks(brokerPid));
        return new Sample(harness, brokerPid == 0 ? 0 : ticks(brokerPid, false) / TICK,
                ticks(orchestratorPid, false) / TICK, postgres() / TICK, jit / TICK);
    }

    /** CPU of a JVM's compiler threads (HotSpot names them "C1 CompilerThreadN" and "C2 CompilerThreadN"). */
    private static long compilerTicks(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        sum += ticks(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process is gone
        }
        return sum;
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
            String[] f = fields(Path.of("/proc", Long.toString(pid), "stat"));
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException gone) {
            return 0; // exited meanwhile, or not Linux
        }
    }

    private static long ticks(Path threadStat) throws IOException {
        String[] f = fields(threadStat);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The fields after the command name (which may hold spaces), from field 3 (state) at index 0. */
    private static String[] fields(Path stat) throws IOException {
        String s = Files.readString(stat);
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }
}
