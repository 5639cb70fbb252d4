package gradus.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric per iteration (or epoch), one line per run, in the run's colour.
 *
 * <p>{@code gap} is f − f*, with f* given or else the smallest f of all runs. On a log axis a
 * metric that reaches exactly 0 (the best run's best point of {@code gap}, a gradient norm of 0)
 * goes down to the bottom, a decade below the smallest positive value, and is marked there
 * with a triangle — matplotlib clips the same way, without the mark; negative values (and f ≤ 0
 * for {@code metric="f"}) cannot be shown and are left out, as the axis title says. When nothing
 * positive is left the axis is linear. Runs longer than {@value #MAX_POINTS} points are thinned
 * evenly (first and last kept).
 */
final class ConvergencePlot extends ChartPlot {
    static final int MAX_POINTS = 4000;

    /** What the x axis counts. */
    enum Step {
        ITERATIONS("iteration"), EPOCHS("epoch"), EVALUATIONS("evaluation");

        final String title;

        Step(String title) {
            this.title = title;
        }
    }

    /** One run's line in chart units (log10 on a log axis), and where it touches 0. */
    private record Line(String label, double[] x, double[] y, double[] zeroX) {}

    private final List<Line> lines = new ArrayList<>();
    private final String metric;
    private final boolean log;
    private final Step step;
    private final Double fstar;
    private double[] xLimits;
    private double[] yLimits;
    /** Where exact zeros are drawn on a log axis. */
    private double floor;
    private boolean negativeLeftOut;
    private boolean zeroAtEdge;
    private String xName;
    private String yName;

    ConvergencePlot(List<Trace> runs, String metric, boolean log, Step step, Double fstar) {
        super(680, 480);
        if (runs == null || runs.isEmpty()) {
            throw new PlotException("convergence needs at least one run");
        }
        this.metric = metric == null ? "f" : metric.toLowerCase(Locale.ROOT);
        if (!List.of("f", "gnorm", "gap").contains(this.metric)) {
            throw new PlotException("metric", "unknown metric '" + metric + "'; choose \"f\", \"gnorm\" or \"gap\"");
        }
        if (fstar != null && !this.metric.equals("gap")) {
            throw new PlotException("fstar", "fstar= is the f* of metric=\"gap\"; this plot shows metric=\"" + this.metric + "\"");
        }
        if (fstar != null && !Double.isFinite(fstar)) {
            throw new PlotException("fstar", "fstar must be a finite number");
        }
        this.step = step == null ? Step.ITERATIONS : step;
        this.fstar = fstar;
        double best = fstar != null ? fstar : bestValue(runs);
        List<double[][]> raw = new ArrayList<>();
        double positiveMin = Double.POSITIVE_INFINITY;
        double positiveMax = 0;
        for (Trace t : runs) {
            double[][] xy = series(t, best);
            raw.add(xy);
            for (double v : xy[1]) {
                if (v > 0 && Double.isFinite(v)) {
                    positiveMin = Math.min(positiveMin, v);
                    positiveMax = Math.max(positiveMax, v);
                }
            }
        }
        this.log = log && positiveMax > 0;
        double floor = Math.pow(10, Math.floor(Math.log10(positiveMin) + 1e-9) - 1);
        double xMax = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < runs.size(); r++) {
            Line line = line(runs.get(r).label(), raw.get(r), floor);
            lines.add(line);
            for (int k = 0; k < line.x().length; k++) {
                xMax = Math.max(xMax, line.x()[k]);
                if (Double.isFinite(line.y()[k])) {
                    lo = Math.min(lo, line.y()[k]);
                    hi = Math.max(hi, line.y()[k]);
                }
            }
        }
        xLimits = pad(0, Math.max(xMax, 1), false);
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (this.log && zeroAtEdge) {
            // the zeros sit on the floor, a decade below the smallest positive value; the axis
            // reaches a little lower so that their markers show whole
            double top = pad(positiveMin, positiveMax, true)[1];
            yLimits = new double[] {floor * Math.pow(top / floor, -0.03), top};
        } else {
            yLimits = this.log ? pad(positiveMin, positiveMax, true) : pad(lo, hi, false);
        }
        this.floor = floor;
    }

    private static double bestValue(List<Trace> runs) {
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
        return best;
    }

    /** matplotlib's 5% margins (in log10 on a log axis); a flat line gets a unit's room. */
    private static double[] pad(double lo, double hi, boolean log) {
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double m = b > a ? 0.05 * (b - a) : 0.5;
            return new double[] {Math.pow(10, a - m), Math.pow(10, b + m)};
        }
        double m = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo) * 0.1);
        return new double[] {lo - m, hi + m};
    }

    /** Positions on the x axis and the metric's values, finite or not. */
    private double[][] series(Trace t, double best) {
        double[] src = metric.equals("gnorm") ? t.gnorms() : t.values();
        if (src == null) {
            throw new PlotException("run '" + t.label() + "' has no "
                    + (metric.equals("gnorm") ? "gradient norms" : "function values") + " recorded");
        }
        double[] x = new double[src.length];
        double[] y = src.clone();
        for (int k = 0; k < y.length; k++) {
            x[k] = t.at(k, step);
            if (metric.equals("gap")) {
                y[k] -= best;
            }
        }
        return new double[][] {x, y};
    }

    /** The run's line in chart units: log10 on a log axis, zeros at {@code floor}, the rest left out. */
    private Line line(String label, double[][] xy, double floor) {
        int n = xy[0].length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] zeros = new double[n];
        int m = 0;
        int z = 0;
        for (int k = 0; k < n; k++) {
            double v = xy[1][k];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (log && v <= 0) {
                if (v == 0 && !metric.equals("f")) {
                    zeroAtEdge = true;
                    zeros[z++] = xy[0][k];
                    x[m] = xy[0][k];
                    y[m++] = Math.log10(floor);
                } else {
                    negativeLeftOut = true;
                }
                continue;
            }
            x[m] = xy[0][k];
            y[m++] = log ? Math.log10(v) : v;
        }
        double[][] thin = thin(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
        return new Line(label, thin[0], thin[1], java.util.Arrays.copyOf(zeros, z));
    }

    private static double[][] thin(double[] x, double[] y) {
        int n = x.length;
        if (n <= MAX_POINTS) {
            return new double[][] {x, y};
        }
        double[] tx = new double[MAX_POINTS];
        double[] ty = new double[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            int src = (int) Math.round((double) k * (n - 1) / (MAX_POINTS - 1));
            tx[k] = x[src];
            ty[k] = y[src];
        }
        return new double[][] {tx, ty};
    }

    @Override
    public Plot labels(String x, String y, String z) {
        if (z != null) {
            throw new PlotException("zlabel", "a convergence plot has no z axis");
        }
        xName = x;
        yName = y;
        return this;
    }

    String yTitle() {
        String name = switch (metric) {
            case "gnorm" -> "gradient norm";
            case "gap" -> fstar != null ? "f \u2212 f*" : "f \u2212 best f";
            default -> "f";
        };
        if (yName != null) {
            return yName;
        }
        if (negativeLeftOut) {
            name += metric.equals("f") ? " (values \u2264 0 not shown)" : " (values < 0 not shown)";
        } else if (zeroAtEdge) {
            name += " (\u25BC: 0, drawn at the bottom)";
        }
        return name;
    }

    @Override
    XYChart chart() {
        AxesChart chart = new AxesChart(width(), height());
        Style.apply(chart, title());
        int xCount = Ticks.count(width() - 100, 65);
        int yCount = Ticks.count(height() - 100, 40);
        Ticks.TickSet xt = Ticks.linear(xLimits[0], xLimits[1], xCount);
        double decades = Math.log10(yLimits[1] / yLimits[0]);
        Ticks.TickSet yt = log ? Ticks.log(yLimits[0], yLimits[1], yCount, (height() - 140) / Math.max(decades, 1e-9))
                : Ticks.linear(yLimits[0], yLimits[1], yCount);
        chart.axes(xLimits, xt, yLimits, yt);
        chart.grid(true);
        chart.legendRule(AxesChart.Legend.BEST_OR_BELOW);
        chart.setXAxisTitle(xName != null ? xName : xt.title(step.title));
        chart.setYAxisTitle(yTitle());
        Set<String> names = new HashSet<>();
        boolean any = false;
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            if (line.x().length == 0) {
                continue;
            }
            any = true;
            XYSeries s = chart.addSeries(ContourPlot.unique(names, line.label()), line.x(), line.y());
            s.setLabel(line.label());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Style.run(k));
            chart.avoid(line.x(), unchart(line.y()));
            if (line.zeroX().length > 0) {
                double[] edge = new double[line.zeroX().length];
                java.util.Arrays.fill(edge, Math.log10(floor));
                XYSeries z = chart.addSeries(ContourPlot.unique(names, "zero"), line.zeroX(), edge);
                z.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                z.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                z.setMarkerColor(Style.run(k));
                z.setShowInLegend(false);
            }
        }
        if (!any) {
            chart.getStyler().setLegendVisible(false);
            XYSeries empty = chart.addSeries("nothing", new double[] {xLimits[0]}, new double[] {chart.chartY(yLimits[0])});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setShowInLegend(false);
            chart.setTitle((title() == null ? "" : title() + " ") + "(no values to show)");
            chart.getStyler().setChartTitleVisible(true);
        }
        return chart;
    }

    /** Chart units back to data units, for {@link AxesChart#avoid}. */
    private double[] unchart(double[] y) {
        if (!log) {
            return y;
        }
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = Math.pow(10, y[k]);
        }
        return out;
    }
}
