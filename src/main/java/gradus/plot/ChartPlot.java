package gradus.plot;

import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/** A plot drawn entirely by XChart; the chart is rebuilt at each render so size and title apply. */
abstract class ChartPlot extends Plot {
    ChartPlot(int width, int height) {
        super(width, height);
    }

    abstract XYChart chart();

    @Override
    public java.util.List<String> axisTitles() {
        XYChart c = chart();
        return java.util.Arrays.asList(c.getXAxisTitle(), c.getYAxisTitle(), null);
    }

    @Override
    void draw(Graphics2D g) {
        chart().paint(g, width(), height());
    }

    @Override
    void writeVector(OutputStream out, String format) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart(), out, RasterChart.vectorFormat(format));
    }
}
