package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.ReportQueries.ParetoRow;
import io.fuseline.orchestrator.query.ReportQueries.YieldRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report charts as geometry for inline SVG, computed here so the template only places shapes (no chart library,
 * nothing fetched: the line is air-gapped). Coordinates are SVG user units; the SVG scales to its container. Pure.
 */
final class Charts {
    static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 220;
    private static final int ROW = 30;
    private static final int BAR = 20;
    private static final int PLOT_TOP = 20;
    private static final int PLOT_HEIGHT = 160;
    private static final int PLOT_LEFT = 50;
    private static final int PLOT_RIGHT = 60;

    private Charts() {
    }

    /** One bar with its label and value text and where they go. */
    public record Bar(double x, double y, double w, double h, String label, double labelX, double labelY,
                      String value, double valueX, double valueY) {
    }

    /** A tick on an axis: its position and text. */
    public record Tick(double x, double y, String text) {
    }

    /**
     * A chart: its size, bars, an optional line ({@code linePoints}, SVG polyline points, empty for none) and axis
     * ticks; {@code description} says in words what it shows, for screen readers.
     */
    public record Chart(int width, int height, List<Bar> bars, String linePoints, List<Bar> lineMarks,
                        List<Tick> ticks, String description) {
        public boolean empty() {
            return bars.isEmpty();
        }
    }

    /** Yield per work order and station: one horizontal bar per row, 0 to 100 %. */
    static Chart yield(List<YieldRow> rows) {
        double span = WIDTH - LABEL_WIDTH - PLOT_RIGHT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            YieldRow r = rows.get(i);
            double y = PLOT_TOP + i * ROW;
            double w = span * r.yieldPercent() / 100.0;
            bars.add(new Bar(LABEL_WIDTH, y, w, BAR, r.workOrderId() + " / " + r.stationId(), LABEL_WIDTH - 8,
                    y + BAR * 0.7, fmt(r.yieldPercent()) + " %", LABEL_WIDTH + w + 6, y + BAR * 0.7));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(LABEL_WIDTH + span * p / 100.0, PLOT_TOP + rows.size() * ROW + 12, p + " %"));
        }
        String description = rows.stream().map(r -> r.workOrderId() + " on " + r.stationId() + ": "
                + fmt(r.yieldPercent()) + " % of " + r.units() + " units").collect(Collectors.joining("; "));
        return new Chart(WIDTH, PLOT_TOP + rows.size() * ROW + 24, bars, "", List.of(), ticks,
                "Yield per work order and station. " + description);
    }

    /** Failure Pareto: bars of counts in descending order and the cumulative percentage as a line. */
    static Chart pareto(List<ParetoRow> rows) {
        long max = rows.stream().mapToLong(ParetoRow::count).max().orElse(1);
        double span = WIDTH - PLOT_LEFT - PLOT_RIGHT;
        double slot = rows.isEmpty() ? span : span / rows.size();
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        List<Bar> marks = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            ParetoRow r = rows.get(i);
            double h = PLOT_HEIGHT * r.count() / (double) max;
            double x = PLOT_LEFT + i * slot + slot * 0.15;
            double w = slot * 0.7;
            bars.add(new Bar(x, bottom - h, w, h, r.reason(), x + w / 2, bottom + 14,
                    Long.toString(r.count()), x + w / 2, bottom - h - 4));
            double cx = x + w / 2;
            double cy = bottom - PLOT_HEIGHT * r.cumulativePercent() / 100.0;
            line.append(line.length() == 0 ? "" : " ").append(fmt(cx)).append(',').append(fmt(cy));
            marks.add(new Bar(cx, cy, 0, 0, "", 0, 0, fmt(r.cumulativePercent()) + " %", cx + 6, cy - 6));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(WIDTH - PLOT_RIGHT + 6, bottom - PLOT_HEIGHT * p / 100.0 + 4, p + " %"));
        }
        String description = rows.stream().map(r -> r.reason() + " (" + r.kind() + "): " + r.count()
                + ", cumulative " + fmt(r.cumulativePercent()) + " %").collect(Collectors.joining("; "));
        return new Chart(WIDTH, PLOT_TOP + PLOT_HEIGHT + 110, bars, line.toString(), marks, ticks,
                "Failure Pareto, most frequent first. " + description);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
