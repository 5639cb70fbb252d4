package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * An XYChart whose ticks, grid and legend place follow matplotlib. XChart 3.8.8 cannot be told
 * where to put ticks (its log axis labels every decade and draws nine minor ticks in each), so
 * XChart lays out and draws the frame, series, legend and titles, while this class draws the
 * ticks of {@link Ticks.TickSet}s. To have XChart reserve the right room, its own tick labels are
 * our widest label, painted transparent.
 *
 * <p>Paint order: white, {@link #paintUnder} (grid lines; the contour's colour field) inside the
 * data rectangle, XChart on a transparent background, then the ticks and {@link #paintOver}.
 * A log axis is linear in log10 of the data: series on it must be given in log10 units.
 */
class AxesChart extends XYChart {
    /** Where the legend may go: matplotlib's loc="best" inside, else outside on the right or below. */
    enum Legend { BEST_OR_RIGHT, BEST_OR_BELOW, BELOW }

    private static final Color CLEAR = new Color(0, 0, 0, 0);
    private static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
    private static final int TICK = 5;
    private static final int MINOR_TICK = 3;
    /** Inside candidates in matplotlib's order of preference (upper right first). */
    private static final LegendPosition[] INSIDE = {LegendPosition.InsideNE, LegendPosition.InsideNW,
        LegendPosition.InsideSW, LegendPosition.InsideSE, LegendPosition.InsideN, LegendPosition.InsideS};

    private Ticks.TickSet xTicks;
    private Ticks.TickSet yTicks;
    private double[] xLimits;
    private double[] yLimits;
    private boolean grid;
    private Legend legendRule = Legend.BEST_OR_RIGHT;
    /** What the legend should not cover, in chart units: polylines (paths) and loose points. */
    private final List<double[][]> lines = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    /** Series left out of the layout pass (iso-lines): they do not change the layout. */
    private final List<XYSeries> decoration = new ArrayList<>();
    private Rectangle2D dataRect = new Rectangle2D.Double();
    private Rectangle2D legendRect;

    AxesChart(int width, int height) {
        super(width, height);
    }

    /** Fixes both axes: limits in data units (positive for a log axis) and their ticks. */
    void axes(double[] xLimits, Ticks.TickSet xTicks, double[] yLimits, Ticks.TickSet yTicks) {
        this.xLimits = xLimits.clone();
        this.yLimits = yLimits.clone();
        this.xTicks = xTicks;
        this.yTicks = yTicks;
        XYStyler s = getStyler();
        s.setXAxisMin(chartX(xLimits[0]));
        s.setXAxisMax(chartX(xLimits[1]));
        s.setYAxisMin(chartY(yLimits[0]));
        s.setYAxisMax(chartY(yLimits[1]));
        s.setPlotContentSize(1.0);
        s.setPlotGridLinesVisible(false);
        s.setChartBackgroundColor(CLEAR);
        s.setPlotBackgroundColor(CLEAR);
        s.setAxisTickLabelsColor(CLEAR);
        s.setAxisTickMarksColor(CLEAR);
        s.setAxisTicksLineVisible(false);
        s.setPlotTicksMarksVisible(false);
        s.setAxisTickMarkLength(TICK);
        s.setxAxisTickLabelsFormattingFunction(placeholder(xTicks.widest()));
        s.setyAxisTickLabelsFormattingFunction(placeholder(yTicks.widest()));
    }

    /**
     * XChart's tick labels, only for its layout: each call answers the widest label plus a
     * different number of zero-width spaces, because XChart insists that its labels differ.
     */
    private static java.util.function.Function<Double, String> placeholder(String widest) {
        int[] calls = {0};
        return v -> widest + "\u200B".repeat(calls[0]++ % 64);
    }

    void grid(boolean on) {
        grid = on;
    }

    void legendRule(Legend rule) {
        legendRule = rule;
    }

    /** A polyline the legend should keep clear of, in data units (NaN breaks it). */
    void avoid(double[] x, double[] y) {
        double[][] xy = new double[2][x.length];
        for (int k = 0; k < x.length; k++) {
            xy[0][k] = chartX(x[k]);
            xy[1][k] = chartY(y[k]);
        }
        lines.add(xy);
    }

    /** A point the legend should keep clear of, in data units. */
    void avoid(double x, double y) {
        points.add(new double[] {chartX(x), chartY(y)});
    }

    void decoration(XYSeries s) {
        decoration.add(s);
    }

    double chartX(double x) {
        return xTicks != null && xTicks.log() ? Math.log10(x) : x;
    }

    double chartY(double y) {
        return yTicks != null && yTicks.log() ? Math.log10(y) : y;
    }

    Rectangle2D dataRect() {
        return dataRect;
    }

    /** Where the legend was drawn at the last paint; null when there is none. */
    Rectangle2D legendRect() {
        return legendRect;
    }

    Ticks.TickSet xTicks() {
        return xTicks;
    }

    Ticks.TickSet yTicks() {
        return yTicks;
    }

    /** Width kept free on the right of the chart (the contour's colour bar). */
    int rightStrip() {
        return 0;
    }

    void paintUnder(Graphics2D g, Rectangle2D data) {
    }

    void paintOver(Graphics2D g, int chartWidth, int height) {
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int chartWidth = width - rightStrip();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        placeLegend(chartWidth, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        paintUnder(g, dataRect);
        if (grid) {
            paintGrid(g);
        }
        super.paint(g, chartWidth, height);
        setWidth(width);
        paintTicks(g);
        paintOver(g, chartWidth, height);
    }

    /** Lays out once (into a scratch picture), then moves the legend where it covers least. */
    private void placeLegend(int chartWidth, int height) {
        XYStyler s = getStyler();
        boolean shown = s.isLegendVisible() && getSeriesMap().values().stream().anyMatch(XYSeries::isShowInLegend);
        if (shown && legendRule != Legend.BELOW) {
            s.setLegendPosition(INSIDE[0]);
        } else if (shown) {
            s.setLegendPosition(LegendPosition.OutsideS);
        }
        layout(chartWidth, height);
        legendRect = null;
        if (!shown) {
            return;
        }
        if (legendRule != Legend.BELOW) {
            Rectangle2D size = legend.getBounds();
            Rectangle2D plotArea = plot.getBounds();
            LegendPosition best = null;
            for (LegendPosition p : INSIDE) {
                Rectangle2D r = insideRect(p, plotArea, size);
                if (covered(r) == 0) {
                    best = p;
                    legendRect = r;
                    break;
                }
            }
            if (best != null) {
                s.setLegendPosition(best);
                return;
            }
            s.setLegendPosition(legendRule == Legend.BEST_OR_RIGHT ? LegendPosition.OutsideE : LegendPosition.OutsideS);
            layout(chartWidth, height);
        }
        Rectangle2D size = legend.getBounds();
        Rectangle2D plotArea = plot.getBounds();
        legendRect = s.getLegendPosition() == LegendPosition.OutsideE
                ? new Rectangle2D.Double(chartWidth - size.getWidth() - 6,
                        plotArea.getY() + (plotArea.getHeight() - size.getHeight()) / 2, size.getWidth(), size.getHeight())
                : new Rectangle2D.Double(plotArea.getX() + (plotArea.getWidth() - size.getWidth()) / 2,
                        height - size.getHeight() - 6, size.getWidth(), size.getHeight());
    }

    /** The rectangle XChart's Legend_ uses for an inside position (its margin is 6 pixels). */
    private static Rectangle2D insideRect(LegendPosition p, Rectangle2D plot, Rectangle2D size) {
        double w = size.getWidth();
        double h = size.getHeight();
        double left = plot.getX() + 6;
        double right = plot.getMaxX() - w - 6;
        double centre = plot.getX() + (plot.getWidth() - w) / 2 + 6;
        double top = plot.getY() + 6;
        double bottom = plot.getMaxY() - h - 6;
        return switch (p) {
            case InsideNW -> new Rectangle2D.Double(left, top, w, h);
            case InsideSW -> new Rectangle2D.Double(left, bottom, w, h);
            case InsideSE -> new Rectangle2D.Double(right, bottom, w, h);
            case InsideN -> new Rectangle2D.Double(centre, top, w, h);
            case InsideS -> new Rectangle2D.Double(centre, bottom, w, h);
            default -> new Rectangle2D.Double(right, top, w, h);
        };
    }

    /** How many path vertices, path segments and data points fall in {@code r} (screen units). */
    int covered(Rectangle2D r) {
        Rectangle2D box = new Rectangle2D.Double(r.getX() - 3, r.getY() - 3, r.getWidth() + 6, r.getHeight() + 6);
        int n = 0;
        for (double[][] xy : lines) {
            double px = Double.NaN;
            double py = Double.NaN;
            for (int k = 0; k < xy[0].length; k++) {
                double sx = getScreenXFromChart(xy[0][k]);
                double sy = getScreenYFromChart(xy[1][k]);
                if (Double.isFinite(sx) && Double.isFinite(sy)) {
                    if (box.contains(sx, sy)) {
                        n++;
                    } else if (Double.isFinite(px) && box.intersectsLine(px, py, sx, sy)) {
                        n++;
                    }
                }
                px = sx;
                py = sy;
            }
        }
        for (double[] p : points) {
            if (box.contains(getScreenXFromChart(p[0]), getScreenYFromChart(p[1]))) {
                n++;
            }
        }
        return n;
    }

    /** Paints into a throw-away picture to compute the layout (screen mapping, legend size). */
    private void layout(int chartWidth, int height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        try {
            decoration.forEach(d -> d.setEnabled(false));
            super.paint(sg, chartWidth, height);
        } finally {
            decoration.forEach(d -> d.setEnabled(true));
            sg.dispose();
        }
        double left = getScreenXFromChart(chartX(xLimits[0]));
        double right = getScreenXFromChart(chartX(xLimits[1]));
        double top = getScreenYFromChart(chartY(yLimits[1]));
        double bottom = getScreenYFromChart(chartY(yLimits[0]));
        dataRect = new Rectangle2D.Double(left, top, right - left, bottom - top);
    }

    private void paintGrid(Graphics2D g) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(0.8f));
        Rectangle2D r = dataRect;
        for (double v : xTicks.major()) {
            double sx = screenX(v);
            if (sx >= r.getX() && sx <= r.getMaxX()) {
                g.draw(new Line2D.Double(sx, r.getY(), sx, r.getMaxY()));
            }
        }
        for (double v : yTicks.major()) {
            double sy = screenY(v);
            if (sy >= r.getY() && sy <= r.getMaxY()) {
                g.draw(new Line2D.Double(r.getX(), sy, r.getMaxX(), sy));
            }
        }
    }

    double screenX(double v) {
        return getScreenXFromChart(chartX(v));
    }

    double screenY(double v) {
        return getScreenYFromChart(chartY(v));
    }

    private void paintTicks(Graphics2D g) {
        Rectangle2D r = dataRect;
        g.setFont(getStyler().getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        double[] xMajor = xTicks.major();
        for (int k = 0; k < xMajor.length; k++) {
            double sx = screenX(xMajor[k]);
            if (sx < r.getX() - 0.5 || sx > r.getMaxX() + 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(sx, r.getMaxY(), sx, r.getMaxY() + TICK));
            String label = xTicks.labels()[k];
            g.drawString(label, (float) (sx - fm.stringWidth(label) / 2.0),
                    (float) (r.getMaxY() + TICK + getStyler().getAxisTickPadding() + fm.getAscent() - 1));
        }
        for (double v : xTicks.minor()) {
            double sx = screenX(v);
            if (sx >= r.getX() && sx <= r.getMaxX()) {
                g.draw(new Line2D.Double(sx, r.getMaxY(), sx, r.getMaxY() + MINOR_TICK));
            }
        }
        double[] yMajor = yTicks.major();
        for (int k = 0; k < yMajor.length; k++) {
            double sy = screenY(yMajor[k]);
            if (sy < r.getY() - 0.5 || sy > r.getMaxY() + 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(r.getX() - TICK, sy, r.getX(), sy));
            String label = yTicks.labels()[k];
            g.drawString(label, (float) (r.getX() - TICK - getStyler().getAxisTickPadding() - fm.stringWidth(label)),
                    (float) (sy + fm.getAscent() / 2.0 - 2));
        }
        for (double v : yTicks.minor()) {
            double sy = screenY(v);
            if (sy >= r.getY() && sy <= r.getMaxY()) {
                g.draw(new Line2D.Double(r.getX() - MINOR_TICK, sy, r.getX(), sy));
            }
        }
    }
}
