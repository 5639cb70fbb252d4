package gradus.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Metric per iteration, one line per run. On a log axis, values ≤ 0 and non-finite values are
 * dropped (XChart's log axis cannot show them); when nothing positive is left the axis is linear.
 * Runs longer than {@value #MAX_POINTS} iterations are thinned evenly (first and last kept).
 */
final class ConvergencePlot extends ChartPlot {
    static final int MAX_POINTS = 4000;

    private final List<String> labels = new ArrayList<>();
    private final List<double[][]> lines = new ArrayList<>();
    private final String metric;
    private final boolean log;
    /** Whether the log axis left out values ≤ 0. */
    private boolean dropped;
    /** What one step on the x axis is: "iteration", or "epoch" for data runs. */
    private String step = "iteration";

    /** Names what the x axis counts (the runs' values are per epoch in data runs). */
    ConvergencePlot per(String unit) {
        this.step = unit;
        return this;
    }

    ConvergencePlot(List<Trace> runs, String metric, boolean log) {
        super(680, 480);
        if (runs == null || runs.isEmpty()) {
            throw new PlotException("convergence needs at least one run");
        }
        this.metric = metric == null ? "f" : metric.toLowerCase(Locale.ROOT);
        if (!List.of("f", "gnorm", "gap").contains(this.metric)) {
            throw new PlotException("metric", "unknown metric '" + metric + "'; choose \"f\", \"gnorm\" or \"gap\"");
        }
        double best = Double.POSITIVE_INFINITY;
        for (Trace t : runs) {
            if (t.values() != null) {
                for (double v : t.values()) {
                    if (v < best) {
                        best = v;
                    }
                }
            }
        }
        boolean anyPositive = false;
        List<double[][]> raw = new ArrayList<>();
        for (Trace t : runs) {
            double[] ys = series(t, best);
            double[][] xy = keep(ys, log);
            raw.add(xy);
            anyPositive |= xy[0].length > 0;
        }
        this.log = log && anyPositive;
        for (int k = 0; k < runs.size(); k++) {
            double[][] all = keep(series(runs.get(k), best), false);
            double[][] xy = this.log ? raw.get(k) : all;
            dropped |= this.log && xy[0].length < all[0].length;
            labels.add(runs.get(k).label());
            lines.add(withMidpoint(thin(xy), this.log));
        }
    }

    private double[] series(Trace t, double best) {
        double[] src = metric.equals("gnorm") ? t.gnorms() : t.values();
        if (src == null) {
            throw new PlotException("run '" + t.label() + "' has no "
                    + (metric.equals("gnorm") ? "gradient norms" : "function values") + " recorded");
        }
        double[] out = src.clone();
        if (metric.equals("gap")) {
            for (int k = 0; k < out.length; k++) {
                out[k] -= best;
            }
        }
        return out;
    }

    /** Iteration numbers and values that the axis can show. */
    private static double[][] keep(double[] ys, boolean log) {
        double[] x = new double[ys.length];
        double[] y = new double[ys.length];
        int n = 0;
        for (int k = 0; k < ys.length; k++) {
            if (Double.isFinite(ys[k]) && (!log || ys[k] > 0)) {
                x[n] = k;
                y[n++] = ys[k];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }

    private static double[][] thin(double[][] xy) {
        int n = xy[0].length;
        if (n <= MAX_POINTS) {
            return xy;
        }
        double[] x = new double[MAX_POINTS];
        double[] y = new double[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            int src = (int) Math.round((double) k * (n - 1) / (MAX_POINTS - 1));
            x[k] = xy[0][src];
            y[k] = xy[1][src];
        }
        return new double[][] {x, y};
    }

    /**
     * One extra point halfway along the first segment, where the drawn line passes anyway (the
     * geometric mean on a log axis): XChart labels an axis of exactly evenly spaced data with data
     * values (0, 44, 88, … overlapping) instead of round numbers.
     */
    private static double[][] withMidpoint(double[][] xy, boolean log) {
        int n = xy[0].length;
        if (n < 2) {
            return xy;
        }
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        x[0] = xy[0][0];
        y[0] = xy[1][0];
        x[1] = (xy[0][0] + xy[0][1]) / 2;
        y[1] = log ? Math.sqrt(xy[1][0] * xy[1][1]) : (xy[1][0] + xy[1][1]) / 2;
        System.arraycopy(xy[0], 1, x, 2, n - 1);
        System.arraycopy(xy[1], 1, y, 2, n - 1);
        return new double[][] {x, y};
    }

    @Override
    XYChart chart() {
        XYChart chart = new XYChart(width(), height());
        Style.apply(chart, title());
        XYStyler s = chart.getStyler();
        s.setYAxisLogarithmic(log);
        s.setLegendPosition(LegendPosition.OutsideS);
        // one row of labels when it fits the width (about 7 px a character), else one per line
        int labelChars = 0;
        for (String label : labels) {
            labelChars += label.length() + 6;
        }
        s.setLegendLayout(labelChars * 7 < width() - 40 ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        s.setXAxisDecimalPattern("0");
        chart.setXAxisTitle(step);
        chart.setYAxisTitle(switch (metric) {
            case "gnorm" -> "gradient norm";
            case "gap" -> "f - best f";
            default -> "f";
        } + (dropped ? " (values ≤ 0 not shown)" : ""));
        Set<String> names = new HashSet<>();
        int drawn = 0;
        for (int k = 0; k < lines.size(); k++) {
            double[][] xy = lines.get(k);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries line = chart.addSeries(ContourPlot.unique(names, labels.get(k)), xy[0], xy[1]);
            line.setLabel(labels.get(k));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Style.RUNS_ON_WHITE[k % Style.RUNS_ON_WHITE.length]);
            drawn++;
        }
        if (drawn == 0) {
            s.setYAxisLogarithmic(false);
            s.setLegendVisible(false);
            XYSeries empty = chart.addSeries("nothing", new double[] {0}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
            chart.setTitle((title() == null ? "" : title() + " ") + "(no values to show)");
            s.setChartTitleVisible(true);
        }
        return chart;
    }
}
