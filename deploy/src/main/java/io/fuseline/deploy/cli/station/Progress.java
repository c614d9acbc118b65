package io.fuseline.deploy.cli.station;

import io.fuseline.station.ops.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress of a flash transfer: a redrawn bar on a terminal, else one {@code NN%} line per 10 % (logs and CI stay
 * readable). Called on the transferring thread; not thread-safe.
 */
final class Progress implements ProgressListener {

    private static final int BAR = 40;

    private final PrintWriter out;
    private final String what;
    private final boolean bar;
    private int lastTenth = -1;

    Progress(PrintWriter out, String what, boolean bar) {
        this.out = out;
        this.what = what;
        this.bar = bar;
    }

    @Override
    public void progress(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (bar) {
            int filled = percent * BAR / 100;
            out.printf("\r%s [%s%s] %3d%%", what, "#".repeat(filled), " ".repeat(BAR - filled), percent);
            if (done >= total) {
                out.println();
            }
            out.flush();
            return;
        }
        int tenth = percent / 10;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.printf("%s %d%% (%d of %d bytes)%n", what, percent, done, total);
            out.flush();
        }
    }
}
