package gradus.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;

/** A "chart" that only draws a picture: lets XChart's vector encoders embed a raster in SVG/PDF. */
final class RasterChart extends XYChart {
    private final BufferedImage image;

    private RasterChart(BufferedImage image) {
        super(image.getWidth(), image.getHeight());
        this.image = image;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.drawImage(image, 0, 0, width, height, null);
    }

    static void write(BufferedImage image, OutputStream out, String format) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(new RasterChart(image), out, vectorFormat(format));
    }

    static VectorGraphicsFormat vectorFormat(String format) {
        return format.equals("pdf") ? VectorGraphicsFormat.PDF : VectorGraphicsFormat.SVG;
    }
}
