package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;

/**
 * Marked points of a landscape, each with a kind: the critical points of {@code contour(f,
 * points=cps)}. Minima are red discs, maxima orange triangles, saddles white crosses, degenerate
 * points pink diamonds (matplotlib's "o", "^", "X", "D"), all with a dark outline so they read on
 * any colour map; the legend names each kind with its count. Any other kind is a grey disc.
 *
 * @param xy    one row per point, {@code [x, y]}
 * @param kinds the kind of each point
 */
public record Landmarks(double[][] xy, String[] kinds) {
    public Landmarks {
        if (xy == null || kinds == null || xy.length != kinds.length) {
            throw new PlotException("landmarks need one kind per point");
        }
    }

    private record Look(Color fill, Marker marker) {}

    private static final Map<String, Look> LOOKS = Map.of(
            "minimum", new Look(new Color(0xD6, 0x27, 0x28), shaped(Landmarks::disc)),
            "maximum", new Look(new Color(0xFF, 0x8C, 0x00), shaped(Landmarks::triangle)),
            "saddle", new Look(Color.WHITE, shaped(Landmarks::cross)),
            "degenerate", new Look(new Color(0xF0, 0x3C, 0xE6), shaped(Landmarks::diamond)));

    private static final Look OTHER = new Look(new Color(0x99, 0x99, 0x99), shaped(Landmarks::disc));

    /** Adds one scatter series per kind (in the order kinds first appear); true if any was added. */
    boolean addTo(ContourChart chart, Set<String> names) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (String k : List.of("minimum", "maximum", "saddle", "degenerate")) groups.put(k, new ArrayList<>());
        for (int i = 0; i < xy.length; i++) {
            double[] p = xy[i];
            if (p == null || p.length < 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                continue;
            }
            groups.computeIfAbsent(kinds[i], k -> new ArrayList<>()).add(p);
        }
        boolean any = false;
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            List<double[]> pts = e.getValue();
            if (pts.isEmpty()) {
                continue;
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = pts.get(k)[0];
                y[k] = pts.get(k)[1];
            }
            Look look = LOOKS.getOrDefault(e.getKey(), OTHER);
            String label = e.getKey() + " (" + pts.size() + ")";
            XYSeries s = chart.addSeries(ContourPlot.unique(names, label), x, y);
            s.setLabel(label);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(look.marker());
            s.setMarkerColor(look.fill());
            any = true;
        }
        return any;
    }

    private interface Outline {
        Shape at(double x, double y, double r);
    }

    /** A marker: the shape filled in the series colour with a dark outline, 1.8 times the marker size. */
    private static Marker shaped(Outline outline) {
        return new Marker() {
            @Override
            public void paint(Graphics2D g, double x, double y, int size) {
                Color fill = g.getColor();
                Shape s = outline.at(x, y, size * 0.9);
                g.fill(s);
                g.setColor(new Color(20, 20, 20));
                g.setStroke(new BasicStroke(1.3f));
                g.draw(s);
                g.setColor(fill);
            }
        };
    }

    private static Shape disc(double x, double y, double r) {
        return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    }

    private static Shape triangle(double x, double y, double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y - 1.2 * r);
        p.lineTo(x + 1.1 * r, y + 0.8 * r);
        p.lineTo(x - 1.1 * r, y + 0.8 * r);
        p.closePath();
        return p;
    }

    private static Shape diamond(double x, double y, double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y - 1.2 * r);
        p.lineTo(x + 0.9 * r, y);
        p.lineTo(x, y + 1.2 * r);
        p.lineTo(x - 0.9 * r, y);
        p.closePath();
        return p;
    }

    /** A thick X (matplotlib's filled "X"). */
    private static Shape cross(double x, double y, double r) {
        double a = r * 1.1;
        double t = r * 0.38;
        Path2D p = new Path2D.Double();
        p.moveTo(x - a, y - a + t);
        p.lineTo(x - a + t, y - a);
        p.lineTo(x, y - t);
        p.lineTo(x + a - t, y - a);
        p.lineTo(x + a, y - a + t);
        p.lineTo(x + t, y);
        p.lineTo(x + a, y + a - t);
        p.lineTo(x + a - t, y + a);
        p.lineTo(x, y + t);
        p.lineTo(x - a + t, y + a);
        p.lineTo(x - a, y + a - t);
        p.lineTo(x - t, y);
        p.closePath();
        return p;
    }
}
