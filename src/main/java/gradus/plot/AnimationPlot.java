package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a contour plot growing step by step. The contour (field, iso-lines, legend, start
 * rings) is rendered once; each frame copies it and draws the paths up to that frame's step.
 * Frames sample the steps evenly (at most {@code maxFrames}); the last frame holds every step.
 * PNG, SVG and PDF get the last frame.
 */
final class AnimationPlot extends Plot {
    /** Smaller than a still contour: GIF encoding (a palette per frame) dominates the time. */
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 480;

    private final ContourPlot contour;
    private final int maxFrames;
    private final int delayMs;

    AnimationPlot(ContourPlot contour, int maxFrames, int delayMs) {
        super(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        contour.size(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        if (maxFrames < 2) {
            throw new PlotException("an animation needs at least 2 frames, got " + maxFrames);
        }
        if (delayMs < 10) {
            throw new PlotException("frame delay must be at least 10 ms, got " + delayMs);
        }
        if (contour.paths().isEmpty()) {
            throw new PlotException("paths", "animate needs at least one run in paths");
        }
        this.contour = contour;
        this.maxFrames = Math.min(maxFrames, 500);
        this.delayMs = delayMs;
    }

    @Override
    public Plot title(String title) {
        super.title(title);
        contour.title(title);
        return this;
    }

    @Override
    public Plot size(int width, int height) {
        super.size(width, height);
        contour.size(width, height);
        return this;
    }

    @Override
    public Plot dpi(int dpi) {
        super.dpi(dpi);
        contour.dpi(dpi);
        return this;
    }

    @Override
    public Plot labels(String x, String y, String z) {
        contour.labels(x, y, z);
        return this;
    }

    @Override
    public List<String> axisTitles() {
        return contour.axisTitles();
    }

    @Override
    public BufferedImage render() {
        List<BufferedImage> frames = frames();
        return frames.get(frames.size() - 1);
    }

    @Override
    void draw(Graphics2D g) {
        g.drawImage(render(), 0, 0, width(), height(), null);
    }

    @Override
    void writeGif(Path file) {
        List<BufferedImage> frames = Plots.checked(frames());
        List<Color> keep = new ArrayList<>();
        for (int r = 0; r < contour.paths().size(); r++) {
            keep.add(Style.run(r));
        }
        GifWriter.write(file, frames, delayMs, keep);
    }

    List<BufferedImage> frames() {
        List<Trace> runs = contour.paths();
        List<Trace> starts = new ArrayList<>();
        int longest = 1;
        for (Trace t : runs) {
            double[][] first = t.path().length == 0 ? new double[0][] : new double[][] {t.path()[0]};
            starts.add(new Trace(t.label(), first, null, null));
            longest = Math.max(longest, t.path().length);
        }
        ContourChart chart = contour.chart(starts);
        BufferedImage background = contour.raster(g -> chart.paint(g, width(), height()));
        Rectangle2D rect = chart.dataRect();
        int count = Math.min(maxFrames, longest);
        List<BufferedImage> frames = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            int upTo = count == 1 ? longest : (int) Math.round((double) f * (longest - 1) / (count - 1)) + 1;
            frames.add(frame(background, rect, runs, upTo, f == count - 1));
        }
        return frames;
    }

    private BufferedImage frame(BufferedImage background, Rectangle2D rect, List<Trace> runs, int upTo,
            boolean last) {
        BufferedImage img = new BufferedImage(background.getWidth(), background.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(background, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(dpi() / (double) DEFAULT_DPI, dpi() / (double) DEFAULT_DPI);
            g.clip(rect);
            for (int r = 0; r < runs.size(); r++) {
                Color colour = Style.run(r);
                double[][] path = runs.get(r).path();
                int n = Math.min(upTo, path.length);
                Path2D line = new Path2D.Double();
                boolean pen = false;
                for (int k = 0; k < n; k++) {
                    double[] p = path[k];
                    if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                        pen = false;
                        continue;
                    }
                    double sx = screenX(rect, p[0]);
                    double sy = screenY(rect, p[1]);
                    if (pen) {
                        line.lineTo(sx, sy);
                    } else {
                        line.moveTo(sx, sy);
                        pen = true;
                    }
                }
                g.setColor(Style.HALO);
                g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(line);
                g.setColor(colour);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(line);
                for (int k = 1; k < n && path.length <= 200; k++) {
                    double[] p = path[k];
                    if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                        Ellipse2D dot = new Ellipse2D.Double(screenX(rect, p[0]) - 3, screenY(rect, p[1]) - 3, 6, 6);
                        g.setColor(colour);
                        g.fill(dot);
                        g.setColor(new Color(20, 20, 20));
                        g.setStroke(new BasicStroke(0.8f));
                        g.draw(dot);
                    }
                }
                if (n > 0) {
                    double[] s = path[0];
                    Markers.drawStart(g, screenX(rect, s[0]), screenY(rect, s[1]), 12);
                }
                if (n > 1 && (last || n == path.length)) {
                    double[] e = path[n - 1];
                    Markers.drawStar(g, screenX(rect, e[0]), screenY(rect, e[1]), 19, colour);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private double screenX(Rectangle2D rect, double x) {
        return rect.getX() + (x - contour.xr[0]) / (contour.xr[1] - contour.xr[0]) * rect.getWidth();
    }

    private double screenY(Rectangle2D rect, double y) {
        return rect.getMaxY() - (y - contour.yr[0]) / (contour.yr[1] - contour.yr[0]) * rect.getHeight();
    }
}
