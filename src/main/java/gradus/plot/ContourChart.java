package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * An XYChart with a filled colour field behind its plot area and a colour bar on its right.
 * XChart cannot draw under its series, so the chart and plot backgrounds are transparent: one
 * layout pass finds the plot rectangle, the field is painted there, then XChart paints on top.
 */
final class ContourChart extends XYChart {
    static final int BAR_STRIP = 92;

    private final ContourPlot source;
    private final List<XYSeries> isoLines = new ArrayList<>();
    /** Screen rectangle of the data range after the last paint. */
    private Rectangle2D dataRect = new Rectangle2D.Double();

    ContourChart(int width, int height, ContourPlot source) {
        super(width, height);
        this.source = source;
    }

    void addIsoLine(XYSeries series) {
        isoLines.add(series);
    }

    Rectangle2D dataRect() {
        return dataRect;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int chartWidth = width - BAR_STRIP;
        layoutPass(chartWidth, height);
        double[] xr = source.xr;
        double[] yr = source.yr;
        double left = getScreenXFromChart(xr[0]);
        double right = getScreenXFromChart(xr[1]);
        double top = getScreenYFromChart(yr[1]);
        double bottom = getScreenYFromChart(yr[0]);
        dataRect = new Rectangle2D.Double(left, top, right - left, bottom - top);

        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int pw = (int) Math.round(right - left);
        int ph = (int) Math.round(bottom - top);
        if (pw > 0 && ph > 0) {
            g.drawImage(source.field(pw, ph), (int) Math.round(left), (int) Math.round(top), pw, ph, null);
        }
        super.paint(g, chartWidth, height);
        setWidth(width);
        paintColourBar(g, chartWidth, (int) Math.round(top), (int) Math.round(bottom));
    }

    /** Paints once without the iso-lines into a throw-away picture, only to compute the layout. */
    private void layoutPass(int chartWidth, int height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        try {
            isoLines.forEach(s -> s.setEnabled(false));
            super.paint(sg, chartWidth, height);
        } finally {
            isoLines.forEach(s -> s.setEnabled(true));
            sg.dispose();
        }
    }

    private void paintColourBar(Graphics2D g, int x0, int top, int bottom) {
        double[] bounds = source.bounds;
        int bands = bounds.length - 1;
        int barX = x0 + 6;
        int barW = 18;
        int h = bottom - top;
        if (h <= 0 || bands < 1) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int k = 0; k < bands; k++) {
            int y1 = bottom - (int) Math.round((double) (k + 1) * h / bands);
            int y2 = bottom - (int) Math.round((double) k * h / bands);
            g.setColor(new Color(source.bandColour(k)));
            g.fillRect(barX, y1, barW, y2 - y1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(barX, top, barW, h);
        Font font = Style.BASE.deriveFont(11f);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        if (source.log) {
            int every = Math.max(1, (int) Math.ceil(bands / 8.0));
            for (int k = 0; k <= bands; k += every) {
                tick(g, fm, barX + barW, bottom - (double) k * h / bands, bounds[k]);
            }
        } else {
            double lo = bounds[0];
            double hi = bounds[bands];
            for (double v : Ticks.nice(lo, hi, 8)) {
                tick(g, fm, barX + barW, bottom - (v - lo) / (hi - lo) * h, v);
            }
        }
        if (source.log) {
            g.drawString("log scale", barX - 4, top - 5);
        }
    }

    private static void tick(Graphics2D g, FontMetrics fm, int x, double yPos, double value) {
        int y = (int) Math.round(yPos);
        g.drawLine(x, y, x + 4, y);
        g.drawString(Ticks.label(value, 3), x + 7, y + fm.getAscent() / 2 - 1);
    }
}
