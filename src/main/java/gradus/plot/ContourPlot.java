package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Filled contours of f with iso-lines, a colour bar, optional runs and data points.
 * Levels: about {@code levels} bands on round numbers covering the sampled values (like
 * matplotlib), or with {@code log} exactly {@code levels} bands evenly spaced in log10 of f — or
 * of f − min f when f is not positive everywhere — like matplotlib's {@code norm=LogNorm()}: see
 * {@link LogScale}.
 */
public final class ContourPlot extends Plot {
    /** Runs longer than this are drawn as lines without a marker at every step. */
    private static final int MARKER_LIMIT = 200;

    final double[] xr;
    final double[] yr;
    final boolean log;
    final double[] bounds;
    /** The log colour scale; null for linear levels. */
    final LogScale scale;
    private final List<Trace> paths;
    private final Points points;
    private final Grid grid;
    private final List<double[][]> isoLines = new ArrayList<>();
    private Colormap colormap = Colormap.viridis();
    private Landmarks landmarks;
    private BufferedImage fieldCache;
    private String xName = "x";
    private String yName = "y";
    private String zName = "f";

    ContourPlot(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths, int levels,
            boolean log, Points points, int resolution) {
        super(760, 560);
        if (levels < 2) {
            throw new PlotException("levels", "levels must be at least 2, got " + levels);
        }
        if (levels > 500) {
            throw new PlotException("levels", "levels must be at most 500, got " + levels);
        }
        this.xr = xr.clone();
        this.yr = yr.clone();
        this.log = log;
        this.paths = paths == null ? List.of() : List.copyOf(paths);
        this.points = points;
        for (Trace t : this.paths) {
            requirePlanar(t);
        }
        this.grid = Grid.sample(f, xr, yr, resolution, resolution);
        if (!grid.hasFiniteValue()) {
            throw new PlotException("the function has no finite value on x=" + Plots.range(xr)
                    + ", y=" + Plots.range(yr) + "; nothing to draw");
        }
        this.scale = log && grid.max > grid.min ? LogScale.of(grid) : null;
        this.bounds = scale != null ? scale.bounds(levels)
                : grid.max > grid.min ? niceBounds(grid.min, grid.max, levels) : new double[] {grid.min, grid.max};
        for (int k = 1; k < bounds.length - 1; k++) {
            isoLines.add(MarchingSquares.asSeries(MarchingSquares.segments(grid.xs, grid.ys, grid.z, bounds[k])));
        }
    }

    @Override
    public ContourPlot title(String title) {
        super.title(title);
        return this;
    }

    @Override
    public ContourPlot size(int width, int height) {
        super.size(width, height);
        return this;
    }

    /** Marks these points by kind (critical points), on top of the runs. */
    public ContourPlot landmarks(Landmarks marks) {
        landmarks = marks;
        return this;
    }

    /** Chooses the colour map by name (viridis, plasma, magma, inferno, coolwarm, gray). */
    public ContourPlot colormap(String name) {
        colormap = Colormap.named(name);
        fieldCache = null;
        return this;
    }

    /** Names the axes: x and y after the function's variables (or data fields), z its value. */
    @Override
    public ContourPlot labels(String x, String y, String z) {
        xName = x == null ? xName : x;
        yName = y == null ? yName : y;
        zName = z == null ? zName : z;
        return this;
    }

    /**
     * A log colour scale over g = f (when every sample is positive) or g = f − min f: from the
     * smallest positive g (no lower than 10⁻¹² of the largest) to the largest g. A fixed offset
     * such as (max − min)·10⁻³ would flatten every valley shallower than that offset into one band
     * (Beale's function: f ≤ 10 in its valley against 1.8·10⁵ at the corners).
     */
    record LogScale(double shift, double lo, double hi, double min) {
        static LogScale of(Grid grid) {
            double shift = grid.min > 0 ? 0 : grid.min;
            double hi = grid.max - shift;
            double lo = Double.POSITIVE_INFINITY;
            for (double[] row : grid.z) {
                for (double v : row) {
                    double g = v - shift;
                    if (g > 0 && g < lo) {
                        lo = g;
                    }
                }
            }
            return new LogScale(shift, Math.max(lo, hi * 1e-12), hi, grid.min);
        }

        /** {@code levels} bands evenly spaced in log g, as level values of f; the outer ones are open. */
        double[] bounds(int levels) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double[] out = new double[levels + 1];
            for (int k = 0; k <= levels; k++) {
                out[k] = shift + Math.pow(10, a + (b - a) * k / levels);
            }
            out[0] = min;
            return out;
        }

        /** Where g sits on the colour bar, 0 (bottom) to 1 (top). */
        double position(double g) {
            return (Math.log10(g) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
    }

    /** Where a colour bar value (f, or g on a log scale) sits on the bar, 0 to 1. */
    double barPosition(double v) {
        if (scale != null) {
            return scale.position(v);
        }
        double lo = bounds[0];
        double hi = bounds[bounds.length - 1];
        return hi > lo ? (v - lo) / (hi - lo) : 0.5;
    }

    Ticks.TickSet barTicks(double barPixels) {
        if (scale != null) {
            double decades = Math.log10(scale.hi()) - Math.log10(scale.lo());
            return Ticks.log(scale.lo(), scale.hi(), 8, barPixels / Math.max(decades, 1e-9));
        }
        return Ticks.linear(bounds[0], bounds[bounds.length - 1], 8);
    }

    /** The colour bar's label: the value's name, and how the log scale was shifted. */
    String barCaption(Ticks.TickSet ticks) {
        if (scale == null) {
            return ticks.title(zName);
        }
        if (scale.shift() == 0) {
            return ticks.title(zName) + ", log scale";
        }
        return ticks.title(zName + " − min " + zName) + ", log scale; min " + zName + " = " + Ticks.label(scale.shift());
    }

    /**
     * Linear levels on round numbers (steps of 1, 2, 2.5 or 5 times a power of ten), as close to
     * {@code levels} bands as that allows (at most levels + 2), covering [min, max].
     */
    static double[] niceBounds(double min, double max, int levels) {
        double[] t = Ticks.nice(min, max, levels + 1);
        double step = t.length >= 2 ? t[1] - t[0] : (max - min) / levels;
        double lo = Math.floor(min / step + 1e-9) * step;
        int n = Math.max(1, (int) Math.ceil((max - lo) / step - 1e-9));
        double[] b = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            b[k] = lo + k * step;
            if (Math.abs(b[k]) < step * 1e-9) {
                b[k] = 0;
            }
        }
        return b;
    }

    /** Band of a value: 0 below the first inner level … bounds.length - 2 above the last. */
    int band(double v) {
        int lo = 1;
        int hi = bounds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    int bandColour(int band) {
        int bands = bounds.length - 1;
        return colormap.rgb(bands <= 1 ? 0.5 : (double) band / (bands - 1));
    }

    /** The colour field at a pixel size, values interpolated between samples; NaN stays transparent. */
    BufferedImage field(int pw, int ph) {
        if (fieldCache != null && fieldCache.getWidth() == pw && fieldCache.getHeight() == ph) {
            return fieldCache;
        }
        int bands = bounds.length - 1;
        int[] lut = new int[bands];
        for (int k = 0; k < bands; k++) {
            lut[k] = 0xFF000000 | bandColour(k);
        }
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[pw];
        int nx = grid.xs.length;
        int ny = grid.ys.length;
        for (int py = 0; py < ph; py++) {
            double gj = (1 - (py + 0.5) / ph) * (ny - 1);
            for (int px = 0; px < pw; px++) {
                double v = grid.interpolate((px + 0.5) / pw * (nx - 1), gj);
                row[px] = Double.isNaN(v) ? 0 : lut[band(v)];
            }
            img.setRGB(0, py, pw, 1, row, 0, pw);
        }
        fieldCache = img;
        return img;
    }

    ContourChart chart(List<Trace> runs) {
        // ticks are chosen for the plot's size: about one label per 75 (x) or 45 (y) pixels, at most 8
        Ticks.TickSet xt = Ticks.linear(xr[0], xr[1], Ticks.count(width() - 160, 65));
        Ticks.TickSet yt = Ticks.linear(yr[0], yr[1], Ticks.count(height() - 100, 40));
        Ticks.TickSet bar = barTicks(height() - 120);
        ContourChart chart = new ContourChart(width(), height(), this, bar, barCaption(bar));
        Style.apply(chart, title());
        chart.axes(xr, xt, yr, yt);
        XYStyler s = chart.getStyler();
        s.setMarkerSize(6);
        chart.legendRule(AxesChart.Legend.BEST_OR_RIGHT);
        chart.setXAxisTitle(xt.title(xName));
        chart.setYAxisTitle(yt.title(yName));
        Set<String> names = new HashSet<>();
        Color isoColour = new Color(0, 0, 0, 70);
        for (int k = 0; k < isoLines.size(); k++) {
            double[][] xy = isoLines.get(k);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries iso = chart.addSeries(unique(names, "level " + k), xy[0], xy[1]);
            iso.setMarker(SeriesMarkers.NONE);
            iso.setLineColor(isoColour);
            iso.setLineStyle(new BasicStroke(0.8f));
            iso.setShowInLegend(false);
            chart.decoration(iso);
        }
        boolean anyLegend = addPoints(chart, names);
        // the whole paths, also when an animation's frame draws only their beginnings
        for (Trace t : paths) {
            double[][] path = t.path();
            double[] px = new double[path.length];
            double[] py = new double[path.length];
            for (int k = 0; k < path.length; k++) {
                px[k] = finiteOrNaN(path[k][0]);
                py[k] = finiteOrNaN(path[k][1]);
            }
            chart.avoid(px, py);
        }
        for (int i = 0; i < runs.size(); i++) {
            anyLegend |= addRun(chart, names, runs.get(i), Style.run(i));
        }
        if (landmarks != null) {
            for (double[] p : landmarks.xy()) chart.avoid(p[0], p[1]);
            anyLegend |= landmarks.addTo(chart, names);
        }
        s.setLegendVisible(anyLegend);
        if (!anyLegend && isoLines.stream().allMatch(xy -> xy[0].length == 0)) {
            // XChart needs one series to lay out the axes
            XYSeries dummy = chart.addSeries(unique(names, "frame"), new double[] {xr[0]}, new double[] {yr[0]});
            dummy.setMarker(SeriesMarkers.NONE);
            dummy.setShowInLegend(false);
        }
        return chart;
    }

    private boolean addPoints(ContourChart chart, Set<String> names) {
        if (points == null || points.xy().length == 0) {
            return false;
        }
        Map<String, List<double[]>> groups = groupPoints();
        int c = 0;
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = pts.get(k)[0];
                y[k] = pts.get(k)[1];
            }
            XYSeries series = chart.addSeries(unique(names, e.getKey()), x, y);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            series.setMarker(Markers.DOT);
            series.setMarkerColor(Style.run(c++));
            series.setShowInLegend(groups.size() > 1);
            for (int k = 0; k < x.length; k++) {
                chart.avoid(x[k], y[k]);
            }
        }
        return groups.size() > 1;
    }

    /** Points grouped by class; more than six distinct values are binned into six ranges. */
    private Map<String, List<double[]>> groupPoints() {
        double[][] xy = points.xy();
        double[] colour = points.color();
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        if (colour == null) {
            groups.put("data", new ArrayList<>(Arrays.asList(finiteRows(xy))));
            return groups;
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : colour) {
            distinct.add(v);
        }
        double lo = distinct.first();
        double hi = distinct.last();
        boolean binned = distinct.size() > 6;
        double[] keys = binned ? new double[] {0, 1, 2, 3, 4, 5}
                : distinct.stream().mapToDouble(Double::doubleValue).toArray();
        for (double k : keys) {
            String name = binned
                    ? Ticks.label(lo + (hi - lo) * k / 6) + " to " + Ticks.label(lo + (hi - lo) * (k + 1) / 6)
                    : "class " + Ticks.label(k);
            groups.put(name, new ArrayList<>());
        }
        List<String> order = new ArrayList<>(groups.keySet());
        for (int p = 0; p < xy.length; p++) {
            if (xy[p] == null || xy[p].length < 2 || !Double.isFinite(xy[p][0]) || !Double.isFinite(xy[p][1])) {
                continue;
            }
            int key = binned ? (int) Math.min(5, Math.floor((colour[p] - lo) / (hi - lo) * 6))
                    : Arrays.binarySearch(keys, colour[p]);
            if (key >= 0) {
                groups.get(order.get(key)).add(xy[p]);
            }
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static double[][] finiteRows(double[][] xy) {
        return Arrays.stream(xy)
                .filter(r -> r != null && r.length >= 2 && Double.isFinite(r[0]) && Double.isFinite(r[1]))
                .toArray(double[][]::new);
    }

    private boolean addRun(ContourChart chart, Set<String> names, Trace run, Color colour) {
        double[][] path = run.path();
        if (path.length == 0) {
            return false;
        }
        double[] x = new double[path.length];
        double[] y = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            x[k] = finiteOrNaN(path[k][0]);
            y[k] = finiteOrNaN(path[k][1]);
        }
        // a pale halo under the line keeps every run colour readable on every colour map
        XYSeries halo = chart.addSeries(unique(names, "halo"), x, y);
        halo.setMarker(SeriesMarkers.NONE);
        halo.setLineColor(Style.HALO);
        halo.setLineStyle(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        halo.setShowInLegend(false);
        chart.decoration(halo);
        XYSeries line = chart.addSeries(unique(names, run.label()), x, y);
        line.setLabel(run.label());
        line.setLineColor(colour);
        line.setMarkerColor(colour);
        line.setMarker(path.length <= MARKER_LIMIT ? Markers.DOT : SeriesMarkers.NONE);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        addEndPoint(chart, names, x, y, 0, Markers.START, colour);
        if (x.length > 1) {
            addEndPoint(chart, names, x, y, x.length - 1, Markers.END, colour);
        }
        return true;
    }

    private static void addEndPoint(ContourChart chart, Set<String> names, double[] x, double[] y, int k,
            org.knowm.xchart.style.markers.Marker marker, Color colour) {
        if (Double.isNaN(x[k]) || Double.isNaN(y[k])) {
            return;
        }
        XYSeries p = chart.addSeries(unique(names, "point"), new double[] {x[k]}, new double[] {y[k]});
        p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        p.setMarker(marker);
        p.setMarkerColor(colour);
        p.setShowInLegend(false);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static String unique(Set<String> names, String name) {
        String n = name;
        for (int k = 2; !names.add(n); k++) {
            n = name + " (" + k + ")";
        }
        return n;
    }

    private static void requirePlanar(Trace t) {
        for (double[] row : t.path()) {
            if (row == null || row.length != 2) {
                throw new PlotException("run '" + t.label() + "' has points with "
                        + (row == null ? 0 : row.length) + " coordinates; contour plots need 2-D points [x, y]");
            }
        }
    }

    @Override
    public List<String> axisTitles() {
        ContourChart c = chart(paths);
        return List.of(c.getXAxisTitle(), c.getYAxisTitle(), c.caption());
    }

    /** The x range drawn, [a, b]. */
    public double[] xRange() {
        return xr.clone();
    }

    public double[] yRange() {
        return yr.clone();
    }

    List<Trace> paths() {
        return paths;
    }

    @Override
    void draw(Graphics2D g) {
        chart(paths).paint(g, width(), height());
    }

    @Override
    void writeVector(OutputStream out, String format) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart(paths), out, RasterChart.vectorFormat(format));
    }
}
