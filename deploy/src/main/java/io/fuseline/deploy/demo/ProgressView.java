package io.fuseline.deploy.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Live progress of a demo run. On a terminal it redraws one line per jig in place; in a log (not a terminal) it
 * prints one line per finished unit and a status line per jig every {@link #LOG_INTERVAL}, with no escape codes.
 */
final class ProgressView implements DemoRun.Progress {
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final boolean terminal;
    private int drawnLines;
    private long lastLog = System.nanoTime();

    ProgressView(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void unitDone(UnitResult r, int done, int total) {
        clear();
        String verdict = switch (r.verdict()) {
            case PROVISIONED -> "PROVISIONED";
            case QUARANTINED -> "QUARANTINED " + r.reason().map(Enum::name).orElse("");
            case NO_VERDICT -> "NO VERDICT (timed out)";
        };
        String fault = r.unit().fault() == DemoFault.NONE ? "" : "  [" + r.unit().fault().label() + "]";
        out.printf("[%2d/%d] %s %-8s %s  %-44s %5.1f s, %d job%s%s%s%n", done, total, r.jigId(),
                r.unit().chip().toolName(), r.unit().mac(), verdict, r.cycle().toMillis() / 1000.0, r.jobs(),
                r.jobs() == 1 ? "" : "s", fault, r.asExpected() ? "" : "  UNEXPECTED");
        out.flush();
    }

    @Override
    public void jigs(List<DemoRun.JigView> jigs, int done, int total) {
        if (terminal) {
            clear();
            for (DemoRun.JigView j : jigs) {
                out.println(line(j));
            }
            drawnLines = jigs.size();
            out.flush();
        } else if (System.nanoTime() - lastLog > LOG_INTERVAL.toNanos()) {
            lastLog = System.nanoTime();
            out.printf("-- %d of %d units done%n", done, total);
            for (DemoRun.JigView j : jigs) {
                out.println("   " + line(j));
            }
            out.flush();
        }
    }

    private static String line(DemoRun.JigView j) {
        if (j.mac().isEmpty()) {
            return String.format("%-6s %-8s (empty)", j.jigId(), j.chip());
        }
        String bar = bar(j.percent());
        String step = j.steps() == 0 ? "" : String.format("step %d/%d ", Math.max(j.step(), 0), j.steps());
        return String.format("%-6s %-8s %s %s %3d%% %s%-34s %5.1f s%s", j.jigId(), j.chip(), j.mac(), bar,
                j.percent(), step, abbreviate(j.activity(), 34), j.onJig().toMillis() / 1000.0,
                j.fault().isEmpty() ? "" : "  [" + j.fault() + "]");
    }

    private static String bar(int percent) {
        int filled = percent / 10;
        return "[" + "#".repeat(filled) + ".".repeat(10 - filled) + "]";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Erases the jig lines drawn last time (terminal only). */
    private void clear() {
        if (terminal && drawnLines > 0) {
            out.print("\033[" + drawnLines + "A\033[J");
            drawnLines = 0;
        }
    }
}
