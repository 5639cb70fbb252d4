package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/** Markers XChart lacks: a hollow start ring, a star for the end point, an outlined dot for data. */
final class Markers {
    private Markers() {
    }

    /** White disc with a black ring, larger than the path markers: where a run starts. */
    static final Marker START = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            drawStart(g, x, y, size * 2.0);
        }
    };

    /** Star in the series colour with a black outline: where a run ends. */
    static final Marker END = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            drawStar(g, x, y, size * 3.2, g.getColor());
        }
    };

    /** Disc in the series colour with a thin dark outline, readable on any background. */
    static final Marker DOT = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            Color fill = g.getColor();
            Ellipse2D disc = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
            g.fill(disc);
            g.setColor(new Color(20, 20, 20));
            g.setStroke(new BasicStroke(0.8f));
            g.draw(disc);
            g.setColor(fill);
        }
    };

    static void drawStart(Graphics2D g, double x, double y, double size) {
        Color keep = g.getColor();
        Ellipse2D ring = new Ellipse2D.Double(x - size / 2, y - size / 2, size, size);
        g.setColor(Color.WHITE);
        g.fill(ring);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.draw(ring);
        g.setColor(keep);
    }

    static void drawStar(Graphics2D g, double x, double y, double size, Color fill) {
        Color keep = g.getColor();
        Path2D star = new Path2D.Double();
        double outer = size / 2;
        double inner = outer * 0.45;
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double px = x + r * Math.cos(a);
            double py = y + r * Math.sin(a);
            if (k == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        g.setColor(fill);
        g.fill(star);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(star);
        g.setColor(keep);
    }
}
