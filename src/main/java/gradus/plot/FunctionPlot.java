package gradus.plot;

import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A 1-D function sampled at about 400 points; non-finite values break the line. */
final class FunctionPlot extends ChartPlot {
    private static final int SAMPLES = 400;

    private final double[] xs;
    private final double[] ys;
    private final String label;

    FunctionPlot(DoubleUnaryOperator g, double[] xr, String label) {
        super(640, 460);
        this.label = label == null || label.isBlank() ? "f(x)" : label;
        xs = samplePoints(xr);
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

    /**
     * Evenly spaced points plus one extra in the first interval: XChart labels an axis whose data are
     * exactly evenly spaced with data values (-1, 0.5037…) instead of round numbers.
     */
    private static double[] samplePoints(double[] xr) {
        double[] even = Grid.linspace(xr[0], xr[1], SAMPLES);
        double[] xs = new double[SAMPLES + 1];
        xs[0] = even[0];
        xs[1] = (even[0] + even[1]) / 2;
        System.arraycopy(even, 1, xs, 2, SAMPLES - 1);
        return xs;
    }

    @Override
    XYChart chart() {
        XYChart chart = new XYChart(width(), height());
        Style.apply(chart, title());
        chart.getStyler().setLegendVisible(false);
        chart.setXAxisTitle("x");
        chart.setYAxisTitle(label);
        XYSeries line = chart.addSeries(label, xs, ys);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.LINES[0]);
        return chart;
    }
}
