package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A shaded surface in plain Java2D (XChart has no 3-D): an orthographic view from elevation 30°,
 * azimuth -60° (matplotlib's default), grid quads painted far to near, coloured by height and
 * Lambert-shaded, inside a box with the three back panes, ticks and labels. SVG and PDF embed
 * the rendered picture.
 */
final class SurfacePlot extends Plot {
    /** Quads per side. */
    static final int QUADS = 100;
    private static final double ELEV = Math.toRadians(30);
    private static final double AZIM = Math.toRadians(-60);
    /** Half-height of the box relative to its half-width (matplotlib's 4:4:3 box). */
    private static final double BOX_Z = 0.75;

    private final DoubleBinaryOperator f;
    private final double[] xr;
    private final double[] yr;
    private final List<Trace> paths;
    private final Colormap colormap;
    private String xTitle = "x";
    private String yTitle = "y";
    private final Grid grid;
    private final double zlo;
    private final double zhi;

    // viewing basis: right, up, towards the viewer
    private final double[] right = {-Math.sin(AZIM), Math.cos(AZIM), 0};
    private final double[] up = {-Math.sin(ELEV) * Math.cos(AZIM), -Math.sin(ELEV) * Math.sin(AZIM), Math.cos(ELEV)};
    private final double[] toViewer = {Math.cos(ELEV) * Math.cos(AZIM), Math.cos(ELEV) * Math.sin(AZIM), Math.sin(ELEV)};
    private final double[] light;

    // screen mapping, set per render
    private double scale;
    private double offX;
    private double offY;

    @Override
    public SurfacePlot axes(String x, String y) {
        xTitle = x;
        yTitle = y;
        return this;
    }

    SurfacePlot(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths, Colormap colormap) {
        super(640, 560);
        this.f = f;
        this.xr = xr.clone();
        this.yr = yr.clone();
        this.paths = List.copyOf(paths);
        for (Trace t : this.paths) {
            for (double[] row : t.path()) {
                if (row == null || row.length != 2) {
                    throw new PlotException("run '" + t.label() + "' has points with "
                            + (row == null ? 0 : row.length) + " coordinates; surface plots need 2-D points [x, y]");
                }
            }
        }
        this.colormap = colormap;
        this.grid = Grid.sample(f, xr, yr, QUADS + 1, QUADS + 1);
        if (!grid.hasFiniteValue()) {
            throw new PlotException("the function has no finite value on x=" + Plots.range(xr)
                    + ", y=" + Plots.range(yr) + "; nothing to draw");
        }
        double[] zr = heightRange(grid);
        zlo = zr[0];
        zhi = zr[1];
        double[] l = {0.6 * toViewer[0] - 0.5 * right[0] + 0.6 * up[0],
            0.6 * toViewer[1] - 0.5 * right[1] + 0.6 * up[1], 0.6 * toViewer[2] - 0.5 * right[2] + 0.6 * up[2]};
        light = normalize(l);
    }

    /**
     * The height range shown: all finite samples, unless a few extreme samples would flatten the
     * rest (range over 20× the 1–99 % spread); then the 1–99 % range widened by 5 %, and heights
     * beyond it are clamped.
     */
    static double[] heightRange(Grid grid) {
        double[] all = Arrays.stream(grid.z).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double lo = all[0];
        double hi = all[all.length - 1];
        double p1 = all[(int) Math.floor(0.01 * (all.length - 1))];
        double p99 = all[(int) Math.ceil(0.99 * (all.length - 1))];
        if (p99 > p1 && hi - lo > 20 * (p99 - p1)) {
            double pad = 0.05 * (p99 - p1);
            lo = Math.max(lo, p1 - pad);
            hi = Math.min(hi, p99 + pad);
        }
        if (!(hi > lo)) {
            double pad = Math.max(1, Math.abs(lo) * 0.1);
            lo -= pad;
            hi += pad;
        }
        return new double[] {lo, hi};
    }

    @Override
    public BufferedImage render() {
        int w = width();
        int h = height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int top = title() == null ? 20 : 46;
            fit(w, h, top);
            if (title() != null) {
                g.setColor(Color.BLACK);
                g.setFont(Style.BASE.deriveFont(Font.BOLD, 15f));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title(), (w - fm.stringWidth(title())) / 2, 28);
            }
            double[] xt = Ticks.nice(xr[0], xr[1], 6);
            double[] yt = Ticks.nice(yr[0], yr[1], 6);
            double[] zt = Ticks.nice(zlo, zhi, 5);
            drawPanes(g, xt, yt, zt);
            drawSurface(g);
            drawPaths(g);
            drawAxes(g, xt, yt, zt);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Scales the projected box (plus room for labels) into the picture. */
    private void fit(int w, int h, int top) {
        double umin = Double.POSITIVE_INFINITY;
        double umax = Double.NEGATIVE_INFINITY;
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 8; c++) {
            // labels sit around the floor; the top needs only the box and a little air
            double reach = (c & 4) == 0 ? 1.35 : 1.08;
            double[] p = {(c & 1) == 0 ? -reach : reach, (c & 2) == 0 ? -reach : reach, (c & 4) == 0 ? -BOX_Z : BOX_Z * 1.08};
            double u = dot(p, right);
            double v = dot(p, up);
            umin = Math.min(umin, u);
            umax = Math.max(umax, u);
            vmin = Math.min(vmin, v);
            vmax = Math.max(vmax, v);
        }
        double availW = w - 30.0;
        double availH = h - top - 10.0;
        scale = Math.min(availW / (umax - umin), availH / (vmax - vmin));
        offX = w / 2.0 - (umin + umax) / 2 * scale;
        offY = top + availH / 2 + (vmin + vmax) / 2 * scale;
    }

    private double bx(double x) {
        return 2 * (x - xr[0]) / (xr[1] - xr[0]) - 1;
    }

    private double by(double y) {
        return 2 * (y - yr[0]) / (yr[1] - yr[0]) - 1;
    }

    private double bz(double z) {
        double c = Math.max(zlo, Math.min(zhi, z));
        return BOX_Z * (2 * (c - zlo) / (zhi - zlo) - 1);
    }

    /** Box coordinates to screen. */
    private Point2D screen(double bxv, double byv, double bzv) {
        double[] p = {bxv, byv, bzv};
        return new Point2D.Double(offX + dot(p, right) * scale, offY - dot(p, up) * scale);
    }

    private void drawSurface(Graphics2D g) {
        int n = QUADS;
        double[][] bz = new double[n + 1][n + 1];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                double z = grid.z[j][i];
                bz[j][i] = Double.isNaN(z) ? Double.NaN : bz(z);
            }
        }
        int[] order = new int[n * n];
        double[] depth = new double[n * n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double zc = bz[j][i] + bz[j][i + 1] + bz[j + 1][i] + bz[j + 1][i + 1];
                if (Double.isNaN(zc)) {
                    continue;
                }
                double[] c = {bx(grid.xs[i]) + 1.0 / n, by(grid.ys[j]) + 1.0 / n, zc / 4};
                depth[j * n + i] = dot(c, toViewer);
                order[count++] = j * n + i;
            }
        }
        Integer[] sorted = new Integer[count];
        for (int k = 0; k < count; k++) {
            sorted[k] = order[k];
        }
        Arrays.sort(sorted, (a, b) -> Double.compare(depth[a], depth[b]));
        g.setStroke(new BasicStroke(0.9f));
        for (int cell : sorted) {
            int i = cell % n;
            int j = cell / n;
            double x0 = bx(grid.xs[i]);
            double x1 = bx(grid.xs[i + 1]);
            double y0 = by(grid.ys[j]);
            double y1 = by(grid.ys[j + 1]);
            double z00 = bz[j][i];
            double z10 = bz[j][i + 1];
            double z11 = bz[j + 1][i + 1];
            double z01 = bz[j + 1][i];
            Path2D quad = new Path2D.Double();
            Point2D p = screen(x0, y0, z00);
            quad.moveTo(p.getX(), p.getY());
            p = screen(x1, y0, z10);
            quad.lineTo(p.getX(), p.getY());
            p = screen(x1, y1, z11);
            quad.lineTo(p.getX(), p.getY());
            p = screen(x0, y1, z01);
            quad.lineTo(p.getX(), p.getY());
            quad.closePath();
            double[] a = {x1 - x0, y1 - y0, z11 - z00};
            double[] b = {x0 - x1, y1 - y0, z01 - z10};
            double[] normal = normalize(cross(a, b));
            if (normal[2] < 0) {
                normal = new double[] {-normal[0], -normal[1], -normal[2]};
            }
            double lambert = Math.max(0, dot(normal, light));
            double t = ((z00 + z10 + z11 + z01) / 4 / BOX_Z + 1) / 2;
            Color c = shade(colormap.rgb(t), 0.45 + 0.6 * lambert);
            g.setColor(c);
            g.fill(quad);
            g.draw(quad);
        }
    }

    private static Color shade(int rgb, double factor) {
        int r = (int) Math.min(255, ((rgb >> 16) & 0xFF) * factor);
        int gr = (int) Math.min(255, ((rgb >> 8) & 0xFF) * factor);
        int b = (int) Math.min(255, (rgb & 0xFF) * factor);
        return new Color(r, gr, b);
    }

    private void drawPanes(Graphics2D g, double[] xt, double[] yt, double[] zt) {
        double xb = toViewer[0] > 0 ? -1 : 1;
        double yb = toViewer[1] > 0 ? -1 : 1;
        double zb = -BOX_Z;
        Color pane = new Color(0xF0, 0xF0, 0xF0);
        Color edge = new Color(0xA0, 0xA0, 0xA0);
        Color gridLine = new Color(0xD2, 0xD2, 0xD2);
        double[][][] panes = {
            {{xb, -1, -BOX_Z}, {xb, 1, -BOX_Z}, {xb, 1, BOX_Z}, {xb, -1, BOX_Z}},
            {{-1, yb, -BOX_Z}, {1, yb, -BOX_Z}, {1, yb, BOX_Z}, {-1, yb, BOX_Z}},
            {{-1, -1, zb}, {1, -1, zb}, {1, 1, zb}, {-1, 1, zb}},
        };
        for (double[][] corners : panes) {
            Path2D poly = new Path2D.Double();
            for (int k = 0; k < 4; k++) {
                Point2D p = screen(corners[k][0], corners[k][1], corners[k][2]);
                if (k == 0) {
                    poly.moveTo(p.getX(), p.getY());
                } else {
                    poly.lineTo(p.getX(), p.getY());
                }
            }
            poly.closePath();
            g.setColor(pane);
            g.fill(poly);
        }
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(gridLine);
        for (double x : xt) {
            line(g, bx(x), yb, -BOX_Z, bx(x), yb, BOX_Z);
            line(g, bx(x), -1, zb, bx(x), 1, zb);
        }
        for (double y : yt) {
            line(g, xb, by(y), -BOX_Z, xb, by(y), BOX_Z);
            line(g, -1, by(y), zb, 1, by(y), zb);
        }
        for (double z : zt) {
            line(g, xb, -1, bz(z), xb, 1, bz(z));
            line(g, -1, yb, bz(z), 1, yb, bz(z));
        }
        g.setColor(edge);
        for (double[][] corners : panes) {
            for (int k = 0; k < 4; k++) {
                double[] a = corners[k];
                double[] b = corners[(k + 1) % 4];
                line(g, a[0], a[1], a[2], b[0], b[1], b[2]);
            }
        }
    }

    private void drawAxes(Graphics2D g, double[] xt, double[] yt, double[] zt) {
        double xf = toViewer[0] > 0 ? 1 : -1;
        double yf = toViewer[1] > 0 ? 1 : -1;
        // the vertical edge furthest left on screen carries the f axis
        double zx = 0;
        double zy = 0;
        double best = Double.POSITIVE_INFINITY;
        for (double cx : new double[] {-1, 1}) {
            for (double cy : new double[] {-1, 1}) {
                double u = cx * right[0] + cy * right[1];
                if (u < best) {
                    best = u;
                    zx = cx;
                    zy = cy;
                }
            }
        }
        g.setFont(Style.BASE.deriveFont(11f));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.DARK_GRAY);
        line(g, -1, yf, -BOX_Z, 1, yf, -BOX_Z);
        line(g, xf, -1, -BOX_Z, xf, 1, -BOX_Z);
        line(g, zx, zy, -BOX_Z, zx, zy, BOX_Z);
        for (double x : xt) {
            line(g, bx(x), yf, -BOX_Z, bx(x), yf * 1.06, -BOX_Z);
            text(g, Ticks.label(x), screen(bx(x), yf * 1.17, -BOX_Z));
        }
        for (double y : yt) {
            line(g, xf, by(y), -BOX_Z, xf * 1.06, by(y), -BOX_Z);
            text(g, Ticks.label(y), screen(xf * 1.17, by(y), -BOX_Z));
        }
        for (double z : zt) {
            line(g, zx, zy, bz(z), zx * 1.05, zy * 1.05, bz(z));
            Point2D p = screen(zx * 1.05, zy * 1.05, bz(z));
            FontMetrics fm = g.getFontMetrics();
            String s = Ticks.label(z);
            g.setColor(Color.BLACK);
            g.drawString(s, (float) (p.getX() - fm.stringWidth(s) - 4), (float) (p.getY() + fm.getAscent() / 2.0 - 1));
            g.setColor(Color.DARK_GRAY);
        }
        g.setFont(Style.BASE.deriveFont(Font.BOLD, 14f));
        text(g, xTitle, screen(0, yf * 1.34, -BOX_Z));
        text(g, yTitle, screen(xf * 1.34, 0, -BOX_Z));
        Point2D ztop = screen(zx * 1.05, zy * 1.05, BOX_Z);
        g.setColor(Color.BLACK);
        g.drawString("f", (float) ztop.getX() - 4, (float) ztop.getY() - 10);
    }

    private void drawPaths(Graphics2D g) {
        if (paths.isEmpty()) {
            return;
        }
        for (int r = 0; r < paths.size(); r++) {
            Color colour = Style.RUNS[r % Style.RUNS.length];
            double[][] path = paths.get(r).path();
            Path2D line = new Path2D.Double();
            boolean pen = false;
            Point2D[] pts = new Point2D[path.length];
            for (int k = 0; k < path.length; k++) {
                pts[k] = lifted(path[k][0], path[k][1]);
                if (pts[k] == null) {
                    pen = false;
                } else if (pen) {
                    line.lineTo(pts[k].getX(), pts[k].getY());
                } else {
                    line.moveTo(pts[k].getX(), pts[k].getY());
                    pen = true;
                }
            }
            g.setColor(colour);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            if (path.length <= 200) {
                for (Point2D p : pts) {
                    if (p != null) {
                        Ellipse2D dot = new Ellipse2D.Double(p.getX() - 2.5, p.getY() - 2.5, 5, 5);
                        g.setColor(colour);
                        g.fill(dot);
                        g.setColor(Color.BLACK);
                        g.setStroke(new BasicStroke(0.6f));
                        g.draw(dot);
                    }
                }
            }
            if (pts.length > 0 && pts[0] != null) {
                Markers.drawStart(g, pts[0].getX(), pts[0].getY(), 11);
            }
            if (pts.length > 1 && pts[pts.length - 1] != null) {
                Markers.drawStar(g, pts[pts.length - 1].getX(), pts[pts.length - 1].getY(), 18, colour);
            }
        }
        drawLegend(g);
    }

    /** A point of a run lifted onto the surface; null outside the box or where f is not finite. */
    private Point2D lifted(double x, double y) {
        if (!(x >= xr[0] && x <= xr[1] && y >= yr[0] && y <= yr[1])) {
            return null;
        }
        double z = f.applyAsDouble(x, y);
        if (!Double.isFinite(z)) {
            return null;
        }
        return screen(bx(x), by(y), bz(z) + 0.01);
    }

    private void drawLegend(Graphics2D g) {
        g.setFont(Style.BASE.deriveFont(12f));
        FontMetrics fm = g.getFontMetrics();
        int lineH = fm.getHeight() + 2;
        int wMax = 0;
        for (Trace t : paths) {
            wMax = Math.max(wMax, fm.stringWidth(t.label()));
        }
        int x = 12;
        int y = title() == null ? 12 : 40;
        int boxW = wMax + 44;
        int boxH = lineH * paths.size() + 8;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(new Color(0xBB, 0xBB, 0xBB));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, boxW, boxH);
        for (int r = 0; r < paths.size(); r++) {
            int ly = y + 4 + r * lineH + lineH / 2;
            g.setColor(Style.RUNS[r % Style.RUNS.length]);
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(x + 6, ly, x + 30, ly);
            g.setColor(Color.BLACK);
            g.drawString(paths.get(r).label(), x + 36, ly + fm.getAscent() / 2 - 1);
        }
    }

    private void line(Graphics2D g, double x0, double y0, double z0, double x1, double y1, double z1) {
        Point2D a = screen(x0, y0, z0);
        Point2D b = screen(x1, y1, z1);
        g.draw(new java.awt.geom.Line2D.Double(a, b));
    }

    private static void text(Graphics2D g, String s, Point2D at) {
        FontMetrics fm = g.getFontMetrics();
        Color keep = g.getColor();
        g.setColor(Color.BLACK);
        g.drawString(s, (float) (at.getX() - fm.stringWidth(s) / 2.0), (float) (at.getY() + fm.getAscent() / 2.0 - 1));
        g.setColor(keep);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return n == 0 ? new double[] {0, 0, 1} : new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
