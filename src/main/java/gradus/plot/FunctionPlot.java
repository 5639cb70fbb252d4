package gradus.plot;

import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A 1-D function sampled at 400 points; non-finite values break the line. x axis: the data range, y: 5% margins. */
final class FunctionPlot extends ChartPlot {
    private static final int SAMPLES = 400;

    private final double[] xs;
    private final double[] ys;
    private String xName = "x";
    private String yName;

    FunctionPlot(DoubleUnaryOperator g, double[] xr, String label) {
        super(640, 460);
        this.yName = label == null || label.isBlank() ? "f(x)" : label;
        xs = Grid.linspace(xr[0], xr[1], SAMPLES);
        ys = new double[xs.length];
        boolean any = false;
        for (int k = 0; k < xs.length; k++) {
            double v = g.applyAsDouble(xs[k]);
            ys[k] = Double.isFinite(v) ? v : Double.NaN;
            any |= Double.isFinite(v);
        }
        if (!any) {
            throw new PlotException("the function has no finite value on x=" + Plots.range(xr) + "; nothing to draw");
        }
    }

    /** A line through given points (plot(xs, ys), a list against its index, a schedule's rates). */
    FunctionPlot(double[] xs, double[] ys, String xName, String yName) {
        super(640, 460);
        this.xs = xs;
        this.ys = new double[ys.length];
        boolean any = false;
        for (int k = 0; k < ys.length; k++) {
            this.ys[k] = Double.isFinite(ys[k]) && Double.isFinite(xs[k]) ? ys[k] : Double.NaN;
            any |= Double.isFinite(this.ys[k]);
        }
        if (!any) throw new PlotException("there is no finite value to draw");
        this.xName = xName;
        this.yName = yName;
    }

    @Override
    public Plot labels(String x, String y, String z) {
        if (z != null) {
            throw new PlotException("zlabel", "a plot of one variable has no z axis");
        }
        xName = x == null ? xName : x;
        yName = y == null ? yName : y;
        return this;
    }

    /** The x range of the points (data may come in any order). */
    private double[] xLimits() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xs) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, lo + 1};
    }

    @Override
    XYChart chart() {
        AxesChart chart = new AxesChart(width(), height());
        Style.apply(chart, title());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : ys) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double m = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo) * 0.1);
        double[] xLimits = xLimits();
        double[] yLimits = {lo - m, hi + m};
        Ticks.TickSet xt = Ticks.linear(xLimits[0], xLimits[1], Ticks.count(width() - 100, 65));
        Ticks.TickSet yt = Ticks.linear(yLimits[0], yLimits[1], Ticks.count(height() - 100, 40));
        chart.axes(xLimits, xt, yLimits, yt);
        chart.grid(true);
        chart.getStyler().setLegendVisible(false);
        chart.setXAxisTitle(xt.title(xName));
        chart.setYAxisTitle(yt.title(yName));
        XYSeries line = chart.addSeries(yName, xs, ys);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.run(0));
        return chart;
    }
}
