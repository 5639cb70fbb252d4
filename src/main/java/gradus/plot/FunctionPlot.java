package gradus.plot;

import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A 1-D function sampled at 400 points; non-finite values break the line. */
final class FunctionPlot extends ChartPlot {
    private static final int SAMPLES = 400;

    private final double[] xs;
    private final double[] ys;
    private final String label;

    FunctionPlot(DoubleUnaryOperator g, double[] xr, String label) {
        super(640, 460);
        this.label = label == null || label.isBlank() ? "f(x)" : label;
        xs = Grid.linspace(xr[0], xr[1], SAMPLES);
        ys = new double[SAMPLES];
        boolean any = false;
        for (int k = 0; k < SAMPLES; k++) {
            double v = g.applyAsDouble(xs[k]);
            ys[k] = Double.isFinite(v) ? v : Double.NaN;
            any |= Double.isFinite(v);
        }
        if (!any) {
            throw new PlotException("the function has no finite value on x=" + Plots.range(xr) + "; nothing to draw");
        }
    }

    @Override
    XYChart chart() {
        XYChart chart = new XYChart(width(), height());
        Style.apply(chart, title());
        chart.getStyler().setXAxisMin(xs[0]);
        chart.getStyler().setXAxisMax(xs[xs.length - 1]);
        chart.setXAxisTitle("x");
        chart.setYAxisTitle(label);
        XYSeries line = chart.addSeries(label, xs, ys);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.LINES[0]);
        return chart;
    }
}
